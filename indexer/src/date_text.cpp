#include "dossier/indexer/date_text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

#include "dossier/analysis/normalizer.h"
#include "dossier/analysis/utf8.h"
#include "dossier/indexer/text_lines.h"
#include "month_names.h"

namespace dossier::indexer {
namespace {

bool is_ascii_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Decodes the code point at byte `i` of `text`, advancing `i`; negative for ill-formed bytes and
// at the end (U8_NEXT reads the byte at `i` before it looks at the length).
UChar32 decode(std::string_view text, std::size_t& i) noexcept {
  if (i >= text.size()) return -1;
  auto next = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), next, static_cast<int32_t>(text.size()), c);
  i = static_cast<std::size_t>(next);
  return c;
}

// Letters and the marks written on them (Tamil and Devanagari vowel signs are marks).
bool is_letter(UChar32 c) noexcept {
  return c >= 0 && (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0);
}

// Where a month name stands: after a day number ("6 mai 2024") or first ("mai 2024").
enum class MonthPlace { AfterDay, First };

// A letter that a date glued to it would be part of a word with: not one of the scripts written
// without spaces ("于2024年2月6日" holds a date, "X2024-02-13" does not).
bool joins_words(UChar32 c) noexcept {
  if (!is_letter(c)) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_FAILURE(status) ||
         !(script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
           script == USCRIPT_HANGUL || script == USCRIPT_THAI);
}

// A read position in a text with the small steps date forms are made of. Each step either
// consumes what it matched or leaves the position where it was.
class Cursor {
 public:
  Cursor(std::string_view text, std::size_t pos) noexcept : text_(text), pos_(pos) {}

  std::size_t pos() const noexcept { return pos_; }
  bool at_end() const noexcept { return pos_ >= text_.size(); }
  char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }

  // A number of `min`..`max` decimal digits of any script ("2024", "٢٠٢٤", "२०२४") not followed by
  // another digit.
  std::optional<int> number(std::size_t min, std::size_t max) noexcept {
    std::size_t end = pos_;
    std::size_t digits = 0;
    int value = 0;
    while (end < text_.size()) {
      std::size_t next = end;
      const int32_t digit = u_charDigitValue(decode(text_, next));
      if (digit < 0) break;
      if (digits == max) return std::nullopt;  // one digit too many
      value = value * 10 + digit;
      ++digits;
      end = next;
    }
    if (digits < min) return std::nullopt;
    pos_ = end;
    return value;
  }

  bool accept(std::string_view expected) noexcept {
    if (!text_.substr(pos_).starts_with(expected)) return false;
    pos_ += expected.size();
    return true;
  }
  bool accept(char c) noexcept { return accept(std::string_view(&c, 1)); }

  // One or more white-space characters on the line (U+00A0, U+202F and every other space
  // separator count; a line break ends the date).
  bool spaces() noexcept {
    const std::size_t start = pos_;
    while (peek() != '\n' && peek() != '\r') {
      const std::size_t length = analysis::white_space_length(text_, pos_);
      if (length == 0) break;
      pos_ += length;
    }
    return pos_ > start;
  }

  // A whole ASCII word, compared case-insensitively.
  bool word(std::string_view expected) noexcept {
    const std::string_view rest = text_.substr(pos_);
    if (rest.size() < expected.size()) return false;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (lower(rest[i]) != expected[i]) return false;
    }
    std::size_t after = expected.size();
    if (after < rest.size()) {
      const UChar32 next = decode(rest, after);
      if (is_letter(next) || u_isdigit(next)) return false;
    }
    pos_ += expected.size();
    return true;
  }

  // After a day number: "st", "nd", "rd", "th" (English), "er" (French "1er"), "º"/"ª" (Spanish,
  // Portuguese).
  void ordinal_suffix() noexcept {
    for (std::string_view suffix : {"st", "nd", "rd", "th", "er"}) {
      if (word(suffix)) return;
    }
    if (!accept("\u00BA")) accept("\u00AA");
  }

  // "of" (English), "de"/"del" (Spanish, Portuguese, Catalan) between the parts of a date, with
  // the spaces after it; Catalan's "d'"/"d’" is glued to the month.
  void connector() noexcept {
    const Cursor saved = *this;
    for (std::string_view joiner : {"of", "del", "de"}) {
      if (word(joiner)) {
        if (spaces()) return;
        *this = saved;
      }
    }
    if (!accept("d\u2019")) accept("d'");
  }

  // A month name in any language `month_names` knows, with an optional "." after it; in lower
  // case only as a language writes it (see `MonthName`), after a day number or (`before_day`) not.
  std::optional<int> month(MonthPlace place) {
    std::size_t end = pos_;
    std::size_t next = pos_;
    const UChar32 first = decode(text_, next);
    if (!is_letter(first)) return std::nullopt;
    while (end < text_.size()) {
      next = end;
      if (!is_letter(decode(text_, next))) break;
      end = next;
    }
    const std::string folded = analysis::Normalizer().fold(text_.substr(pos_, end - pos_));
    const auto name = month_names().find(folded);
    const bool lower_ok =
        place == MonthPlace::AfterDay ? name && name->lower_case : name && name->full_lower_case;
    if (!name || (!u_isupper(first) && !u_istitle(first) && !lower_ok)) return std::nullopt;
    pos_ = end;
    accept('.');
    return name->month;
  }

 private:
  std::string_view text_;
  std::size_t pos_;
};

using Found = std::optional<std::pair<analysis::DocumentDate, std::size_t>>;

Found found(std::optional<analysis::DocumentDate> date, const Cursor& cursor) {
  if (!date || is_ascii_letter(cursor.peek())) return std::nullopt;
  return std::make_pair(*date, cursor.pos());
}

// "2024-02-13"; a time may follow ("2024-02-13T10:00"), so only a digit after it is refused.
Found iso_date(Cursor c) {
  const auto year = c.number(4, 4);
  if (!year || !c.accept('-')) return std::nullopt;
  const auto month = c.number(2, 2);
  if (!month || !c.accept('-')) return std::nullopt;
  const auto day = c.number(2, 2);
  if (!day) return std::nullopt;
  auto date = analysis::make_date(*year, *month, *day);
  if (!date) return std::nullopt;
  return std::make_pair(*date, c.pos());
}

// "13.02.2024": day first, as in most of Europe.
Found dotted_date(Cursor c) {
  const auto day = c.number(1, 2);
  if (!day || !c.accept('.')) return std::nullopt;
  const auto month = c.number(1, 2);
  if (!month || !c.accept('.')) return std::nullopt;
  const auto year = c.number(4, 4);
  if (!year) return std::nullopt;
  return found(analysis::make_date(*year, *month, *day), c);
}

// "13 February 2024", "6th of February 2024", "13 Feb. 2024", "13 February, 2024", and in other
// languages "6. Februar 2024", "1er février 2024", "6 de febrero de 2024", "6 d’abril de 2024",
// "6 февраля 2024 г.", "6. helmikuuta 2024".
Found day_first_date(Cursor c) {
  const auto day = c.number(1, 2);
  if (!day) return std::nullopt;
  c.ordinal_suffix();
  c.accept('.');
  if (!c.spaces()) return std::nullopt;
  c.connector();
  const auto month = c.month(MonthPlace::AfterDay);
  if (!month) return std::nullopt;
  c.accept(',');
  if (!c.spaces()) return std::nullopt;
  c.connector();
  const auto year = c.number(4, 4);
  if (!year) return std::nullopt;
  return found(analysis::make_date(*year, *month, *day), c);
}

// "March 2024", "February 13, 2024", "Feb. 13, 2024", "Jun 17 2016", "March 3rd, 2024", "février
// 2024", "febrero de 2024", "Февраль 2024".
Found month_first_date(Cursor c) {
  const auto month = c.month(MonthPlace::First);
  if (!month) return std::nullopt;
  c.accept(',');
  if (!c.spaces()) return std::nullopt;
  c.connector();
  if (const auto year = c.number(4, 4)) return found(analysis::make_date(*year, *month), c);
  const auto day = c.number(1, 2);
  if (!day) return std::nullopt;
  c.ordinal_suffix();
  c.accept(',');
  if (!c.spaces()) return std::nullopt;
  const auto year = c.number(4, 4);
  if (!year) return std::nullopt;
  return found(analysis::make_date(*year, *month, *day), c);
}

// The year first, marked as a year: "2024. február 6." (Hungarian), "2024 m. vasario 6 d."
// (Lithuanian); "2024. február" is a month.
Found year_first_date(Cursor c) {
  const auto year = c.number(4, 4);
  if (!year) return std::nullopt;
  const bool dot = c.accept('.');
  if (!c.spaces()) return std::nullopt;
  if (!dot && !(c.word("m") && c.accept('.') && c.spaces())) return std::nullopt;
  const auto month = c.month(MonthPlace::AfterDay);
  if (!month) return std::nullopt;
  Cursor after_month = c;
  if (!c.spaces()) return found(analysis::make_date(*year, *month), after_month);
  const auto day = c.number(1, 2);
  if (!day) return found(analysis::make_date(*year, *month), after_month);
  if (!c.accept('.')) {
    Cursor lithuanian = c;
    if (lithuanian.spaces() && lithuanian.word("d") && lithuanian.accept('.')) c = lithuanian;
  }
  return found(analysis::make_date(*year, *month, *day), c);
}

// "2024年2月6日", "2024年2月" (Chinese, Japanese), "2024년 2월 6일" (Korean).
Found east_asian_date(Cursor c) {
  const auto year = c.number(4, 4);
  if (!year) return std::nullopt;
  const bool korean = c.accept("\uB144");
  if (!korean && !c.accept("\u5E74")) return std::nullopt;
  c.spaces();
  const auto month = c.number(1, 2);
  if (!month || !c.accept(korean ? "\uC6D4" : "\u6708")) return std::nullopt;
  Cursor day_part = c;
  day_part.spaces();
  const auto day = day_part.number(1, 2);
  if (day && day_part.accept(korean ? "\uC77C" : "\u65E5")) {
    auto date = analysis::make_date(*year, *month, *day);
    if (!date) return std::nullopt;
    return std::make_pair(*date, day_part.pos());
  }
  auto date = analysis::make_date(*year, *month);
  if (!date) return std::nullopt;
  return std::make_pair(*date, c.pos());
}

Found date_at(std::string_view text, std::size_t i, bool digit) {
  const Cursor at(text, i);
  if (!digit) return month_first_date(at);
  for (auto* form : {iso_date, dotted_date, day_first_date, year_first_date, east_asian_date}) {
    if (Found match = form(at)) return match;
  }
  return std::nullopt;
}

}  // namespace

std::optional<DateMatch> find_date(std::string_view text) {
  bool after_word = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const UChar32 c = decode(text, i);
    const bool digit = c >= 0 && u_isdigit(c);
    if ((digit || is_letter(c)) && !after_word) {
      if (const Found match = date_at(text, at, digit)) return DateMatch{match->first, at, match->second};
    }
    after_word = digit || joins_words(c);
  }
  return std::nullopt;
}

std::optional<analysis::DocumentDate> parse_date_value(std::string_view text) {
  std::string_view value = trim(text);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
    value = trim(value.substr(1, value.size() - 2));
  }
  if (auto date = analysis::parse_iso_date(value)) return date;
  if (value.size() > 10 && (value[10] == 'T' || value[10] == 't' || value[10] == ' ')) {
    if (auto date = analysis::parse_iso_date(value.substr(0, 10))) return date;
  }
  if (auto match = find_date(value)) return match->date;
  return std::nullopt;
}

}  // namespace dossier::indexer
