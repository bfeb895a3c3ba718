#include "dossier/indexer/text_metadata.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <vector>

#include "byline_prefix.h"
#include "dossier/analysis/language.h"
#include "dossier/analysis/utf8.h"
#include "dossier/indexer/date_text.h"
#include "dossier/indexer/text_lines.h"

namespace dossier::indexer {
namespace {

// A name longer than this is a sentence, not a name.
constexpr std::size_t kMaxNameWords = 6;
// A byline naming more people than this is a list of something else.
constexpr std::size_t kMaxNames = 20;
constexpr std::size_t kDateWindowBytes = 40;

bool is_ascii_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) noexcept {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

bool equals_nocase(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && starts_with_nocase(a, b);
}

// Decodes the code point at `i` (advancing it); negative for ill-formed bytes.
UChar32 next_code_point(std::string_view text, int32_t& i) noexcept {
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c;
}

// "Britt", "O'Brien", "Jean-Luc", "Ólafur": an upper-case letter, then letters, apostrophes, hyphens.
bool is_capitalised_word(std::string_view word) noexcept {
  if (word.empty() || word.size() > 64) return false;
  int32_t i = 0;
  const UChar32 first = next_code_point(word, i);
  if (first < 0 || !(u_isupper(first) || u_istitle(first))) return false;
  while (i < static_cast<int32_t>(word.size())) {
    const UChar32 c = next_code_point(word, i);
    if (c < 0 || !(u_isalpha(c) || c == '\'' || c == 0x2019 || c == '-')) return false;
  }
  return true;
}

// "J", "J.", "J.R.".
bool is_initial(std::string_view word) noexcept {
  if (word.empty()) return false;
  for (std::size_t i = 0; i < word.size(); i += 2) {
    if (!(word[i] >= 'A' && word[i] <= 'Z')) return false;
    if (i + 1 < word.size() && word[i + 1] != '.') return false;
  }
  return true;
}

bool is_particle(std::string_view word) noexcept {
  constexpr std::array<std::string_view, 22> kParticles{
      "van", "von", "de", "der", "den", "da",  "di",  "du",  "del", "la", "le",
      "bin", "ibn", "al", "el",  "ter", "ten", "dos", "das", "y",   "zu", "della"};
  for (std::string_view particle : kParticles) {
    if (word == particle) return true;
  }
  return false;
}

bool is_name(const std::vector<std::string_view>& words) noexcept {
  if (words.size() < 2 || words.size() > kMaxNameWords || !is_capitalised_word(words.back())) return false;
  for (std::string_view word : words) {
    if (!is_capitalised_word(word) && !is_initial(word) && !is_particle(word)) return false;
  }
  return is_capitalised_word(words.front()) || is_initial(words.front());
}

// Words that end the names of a byline: what follows is a date, a role or a place.
bool ends_names(std::string_view word, std::string_view rest_from_word) {
  constexpr std::array<std::string_view, 22> kStops{"-",
                                                    "\xE2\x80\x93",
                                                    "\xE2\x80\x94",
                                                    "|",
                                                    "\xE2\x80\xA2",
                                                    "\xC2\xB7",
                                                    "on",
                                                    "at",
                                                    "for",
                                                    "from",
                                                    "in",
                                                    "f\xC3\xBCr",
                                                    "pour",
                                                    "chez",
                                                    "p\xC3\xA5",
                                                    "fra",
                                                    "f\xC3\xB6r",
                                                    "voor",
                                                    "bij",
                                                    "para",
                                                    "presso",
                                                    "\xD0\xB4\xD0\xBB\xD1\x8F"};
  for (std::string_view stop : kStops) {
    if (equals_nocase(word, stop)) return true;  // "By Jane Doe On March 3" has no "On" in the name
  }
  if (word.starts_with('(') || word.starts_with('[')) return true;
  // A date is under 30 bytes, so a short window tells whether one starts here without rescanning a
  // long line for every word.
  const auto date = find_date(rest_from_word.substr(0, kDateWindowBytes));
  if (date && date->begin == 0) return true;
  // A lower-case word before a date: "le 6 février 2024", "am 6. Februar 2024", "den 6. mars".
  if (is_capitalised_word(word) || word.size() >= rest_from_word.size()) return false;
  const auto next = find_date(trim(rest_from_word.substr(word.size())).substr(0, kDateWindowBytes));
  return next && next->begin == 0;
}

enum class NameEnd { Text, Separator };

// "and" between two names, in the languages bylines are read in ("Jane Doe and John Smith",
// "Kari Nordmann og Ola Nordmann", "Ana García y Luis Pérez").
bool is_list_word(std::string_view word) noexcept {
  constexpr std::array<std::string_view, 17> kAnd{"and", "&",  "und",  "et",        "og",      "en",
                                                  "och", "y",  "e",    "i",         "ve",      "dan",
                                                  "ja",  "ir", "agus", "\xC3\xA9s", "\xD0\xB8"};
  for (std::string_view and_word : kAnd) {
    if (word == and_word) return true;
  }
  return false;
}

// Reads one candidate name from the front of `rest` (advancing it): its words, and whether a list
// separator ("," ";" "and" "&") followed it, so that another name may come.
std::pair<std::vector<std::string_view>, NameEnd> read_name(std::string_view& rest) {
  std::vector<std::string_view> words;
  while (words.size() <= kMaxNameWords) {
    rest = trim(rest);
    if (rest.empty()) break;
    const std::size_t space = rest.find_first_of(" \t");
    std::string_view word = rest.substr(0, space);
    if (is_list_word(word)) {
      rest.remove_prefix(word.size());
      return {words, NameEnd::Separator};
    }
    if (ends_names(word, rest)) break;
    rest.remove_prefix(word.size());
    const char last = word.back();
    if (last == ',' || last == ';') {
      words.push_back(word.substr(0, word.size() - 1));
      return {words, NameEnd::Separator};
    }
    if ((last == '.' || last == ':') && !is_initial(word)) {
      words.push_back(word.substr(0, word.size() - 1));
      break;  // the end of a sentence or a label: nothing after it is a name
    }
    words.push_back(word);
  }
  return {words, NameEnd::Text};
}

std::string join(const std::vector<std::string_view>& parts, std::string_view separator) {
  std::string out;
  for (std::string_view part : parts) {
    if (!out.empty()) out.append(separator);
    out.append(part);
  }
  return out;
}

// True when what is left of a dateline without its dates is only punctuation and labels
// ("Published: 13 Feb 2024 |").
bool is_dateline_filler(std::string_view rest) noexcept {
  constexpr std::array<std::string_view, 12> kLabels{"published", "updated",  "posted",   "date",
                                                     "dated",     "last",     "modified", "created",
                                                     "issued",    "released", "on",       "of"};
  constexpr std::array<std::string_view, 5> kWidePunctuation{"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2",
                                                             "\xC2\xB7", "\xC2\xA0"};
  std::size_t i = 0;
  while (i < rest.size()) {
    const char c = rest[i];
    if (is_ascii_letter(c)) {
      std::size_t end = i;
      while (end < rest.size() && is_ascii_letter(rest[end]))
        ++end;
      const std::string_view word = rest.substr(i, end - i);
      bool label = false;
      for (std::string_view known : kLabels)
        label = label || equals_nocase(word, known);
      if (!label) return false;
      i = end;
    } else if (std::string_view(" \t,.;:-|/()[]").find(c) != std::string_view::npos) {
      ++i;
    } else {
      bool wide = false;
      for (std::string_view mark : kWidePunctuation) {
        if (rest.substr(i).starts_with(mark)) {
          i += mark.size();
          wide = true;
          break;
        }
      }
      if (!wide) return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> find_byline(std::string_view raw_line, std::string_view language) {
  // "Author\u202F: Jane Doe", "By Jane\u00A0Doe": any white space is a space here.
  const std::string line = analysis::collapse_white_space(raw_line);
  std::optional<std::string_view> rest = byline_body(line, language);
  if (!rest) return std::nullopt;
  std::string names;
  for (std::size_t count = 0; count < kMaxNames; ++count) {
    const auto [words, end] = read_name(*rest);
    if (!is_name(words)) break;
    if (!names.empty()) names.append(", ");
    names.append(join(words, " "));
    if (end != NameEnd::Separator) break;
  }
  if (names.empty()) return std::nullopt;
  return names;
}

bool is_byline_or_date_line(std::string_view line) {
  const std::string collapsed = analysis::collapse_white_space(line);
  const std::string_view text = collapsed;
  if (find_byline(text)) return true;
  std::string rest;
  std::size_t pos = 0;
  bool dated = false;
  while (const auto match = find_date(text.substr(pos))) {
    rest.append(text.substr(pos, match->begin)).push_back(' ');
    pos += match->end;
    dated = true;
  }
  rest.append(text.substr(pos));
  return dated && is_dateline_filler(rest);
}

TextMetadata find_text_metadata(std::string_view text, std::string_view language) {
  TextMetadata metadata;
  std::size_t lines = 0;
  // The language is detected only for a line a word such as "Von" or "Par" opens: rarely.
  std::optional<std::string> detected;
  const auto language_of_text = [&]() -> std::string_view {
    if (!detected) detected = analysis::detect_language(text).value_or("");
    return *detected;
  };
  for (std::string_view raw_line : TextLines(text)) {
    const std::string line = analysis::collapse_white_space(raw_line);
    if (line.empty()) continue;
    if (++lines > kMetadataLines) break;
    std::optional<std::string> byline = find_byline(line, language);
    if (!byline && language.empty() && opens_with_language_word(line))
      byline = find_byline(line, language_of_text());
    if (byline && metadata.author.empty()) metadata.author = *byline;
    if (!metadata.date && (byline || line.size() <= kDateLineBytes)) {
      if (const auto match = find_date(line)) metadata.date = match->date;
    }
    if (!metadata.author.empty() && metadata.date) break;
  }
  return metadata;
}

}  // namespace dossier::indexer
