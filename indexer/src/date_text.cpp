#include "dossier/indexer/date_text.h"

#include <array>

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/text_lines.h"

namespace dossier::indexer {
namespace {

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
bool is_ascii_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) noexcept {
  return is_digit(c) || is_ascii_letter(c);
}
char lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

struct MonthName {
  std::string_view name;
  int month;
};

// Full names and the abbreviations newspapers use ("Sept." as well as "Sep.").
constexpr std::array<MonthName, 24> kMonthNames{{
    {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},       {"june", 6},
    {"july", 7},    {"august", 8},   {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1},     {"feb", 2},      {"mar", 3},       {"apr", 4},      {"jun", 6},       {"jul", 7},
    {"aug", 8},     {"sep", 9},      {"sept", 9},      {"oct", 10},     {"nov", 11},      {"dec", 12},
}};

// A read position in a text with the small steps date forms are made of. Each step either
// consumes what it matched or leaves the position where it was.
class Cursor {
 public:
  Cursor(std::string_view text, std::size_t pos) noexcept : text_(text), pos_(pos) {}

  std::size_t pos() const noexcept { return pos_; }
  bool at_end() const noexcept { return pos_ >= text_.size(); }
  char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }

  // A number of `min`..`max` digits not followed by another digit.
  std::optional<int> number(std::size_t min, std::size_t max) noexcept {
    std::size_t end = pos_;
    int value = 0;
    while (end < text_.size() && is_digit(text_[end]) && end - pos_ < max) {
      value = value * 10 + (text_[end] - '0');
      ++end;
    }
    if (end - pos_ < min || (end < text_.size() && is_digit(text_[end]))) return std::nullopt;
    pos_ = end;
    return value;
  }

  bool accept(char c) noexcept {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

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

  // A whole word, compared case-insensitively.
  bool word(std::string_view expected) noexcept {
    const std::string_view rest = text_.substr(pos_);
    if (rest.size() < expected.size()) return false;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (lower(rest[i]) != expected[i]) return false;
    }
    if (rest.size() > expected.size() && is_alnum(rest[expected.size()])) return false;
    pos_ += expected.size();
    return true;
  }

  // "st", "nd", "rd" or "th" right after a day number.
  void ordinal_suffix() noexcept {
    for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
      if (word(suffix)) return;
    }
  }

  // A capitalised English month name or abbreviation, with an optional "." after it.
  std::optional<int> month() noexcept {
    if (!(peek() >= 'A' && peek() <= 'Z')) return std::nullopt;
    for (const MonthName& name : kMonthNames) {
      if (word(name.name)) {
        accept('.');
        return name.month;
      }
    }
    return std::nullopt;
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

// "13 February 2024", "6th of February 2024", "13 Feb. 2024", "13 February, 2024".
Found day_first_date(Cursor c) {
  const auto day = c.number(1, 2);
  if (!day) return std::nullopt;
  c.ordinal_suffix();
  if (!c.spaces()) return std::nullopt;
  if (c.word("of") && !c.spaces()) return std::nullopt;
  const auto month = c.month();
  if (!month) return std::nullopt;
  c.accept(',');
  if (!c.spaces()) return std::nullopt;
  const auto year = c.number(4, 4);
  if (!year) return std::nullopt;
  return found(analysis::make_date(*year, *month, *day), c);
}

// "March 2024", "February 13, 2024", "Feb. 13, 2024", "Jun 17 2016", "March 3rd, 2024".
Found month_first_date(Cursor c) {
  const auto month = c.month();
  if (!month) return std::nullopt;
  c.accept(',');
  if (!c.spaces()) return std::nullopt;
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

}  // namespace

std::optional<DateMatch> find_date(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_alnum(text[i]) || (i > 0 && is_alnum(text[i - 1]))) continue;
    const Cursor at(text, i);
    Found match;
    if (is_digit(text[i])) {
      match = iso_date(at);
      if (!match) match = dotted_date(at);
      if (!match) match = day_first_date(at);
    } else {
      match = month_first_date(at);
    }
    if (match) return DateMatch{match->first, i, match->second};
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
