#include "dossier/analysis/path_words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace dossier::analysis {
namespace {

enum class CharClass { Upper, Lower, Digit, Other };

CharClass class_of(UChar32 c) noexcept {
  if (u_isdigit(c)) return CharClass::Digit;
  if (u_isupper(c) || u_istitle(c)) return CharClass::Upper;
  if (u_isalpha(c)) return CharClass::Lower;  // letters without case (Han, Thai) count as lower
  return CharClass::Other;
}

// Words and numbers, whose case and digit changes may mean words (identifiers have their words
// as parts already).
bool splittable(const Token& token) noexcept {
  return token.kind == TokenKind::Word || token.kind == TokenKind::Number;
}

}  // namespace

std::vector<std::string_view> case_and_digit_words(std::string_view word) {
  struct Char {
    std::size_t begin;
    CharClass kind;
  };
  std::vector<Char> chars;
  const auto* data = reinterpret_cast<const std::uint8_t*>(word.data());
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(word.size(), INT32_MAX));
  for (std::int32_t i = 0; i < length;) {
    const auto begin = static_cast<std::size_t>(i);
    UChar32 c = 0;
    U8_NEXT(data, i, length, c);
    // Only a run of letters and digits is one word of a name ("Q3_APT" is split at "_" already).
    if (c < 0 || class_of(c) == CharClass::Other) return {};
    chars.push_back({begin, class_of(c)});
  }
  std::vector<std::size_t> cuts;
  for (std::size_t k = 1; k < chars.size(); ++k) {
    const CharClass before = chars[k - 1].kind;
    const CharClass here = chars[k].kind;
    const bool letter_digit = (before == CharClass::Digit) != (here == CharClass::Digit);
    const bool lower_upper = before == CharClass::Lower && here == CharClass::Upper;
    // "HTMLParser": the last capital of a run starts the next word.
    const bool acronym_end = before == CharClass::Upper && here == CharClass::Upper && k + 1 < chars.size() &&
                             chars[k + 1].kind == CharClass::Lower;
    if (letter_digit || lower_upper || acronym_end) cuts.push_back(chars[k].begin);
  }
  if (cuts.empty()) return {};
  std::vector<std::string_view> words;
  std::size_t start = 0;
  for (std::size_t cut : cuts) {
    words.push_back(word.substr(start, cut - start));
    start = cut;
  }
  words.push_back(word.substr(start));
  return words;
}

std::vector<std::string> path_terms(const Analyzer& analyzer, std::string_view name) {
  std::vector<std::string> terms;
  analyzer.for_each_token(name, "none", [&](const Token& token) {
    terms.push_back(token.term);
    if (!splittable(token)) return;
    for (std::string_view word : case_and_digit_words(name.substr(token.begin, token.end - token.begin))) {
      if (std::string folded = analyzer.fold(word); !folded.empty()) terms.push_back(std::move(folded));
    }
  });
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

std::vector<PathQueryWord> path_query_words(const Analyzer& analyzer, std::string_view text) {
  std::vector<PathQueryWord> words;
  analyzer.for_each_token(text, "none", [&](const Token& token) {
    if (token.role == TokenRole::Primary) words.push_back({token.term, {}});
    if (words.empty() || (token.role == TokenRole::Part && token.kind == TokenKind::Identifier)) return;
    // A word stands for itself, or for its case and digit words when it has some: the index has
    // those for any name that has the word ("Threat" and "Report" of "ThreatReport2024.pdf").
    std::vector<std::string>& needed = words.back().words;
    const std::vector<std::string_view> pieces =
        splittable(token) ? case_and_digit_words(text.substr(token.begin, token.end - token.begin))
                          : std::vector<std::string_view>();
    if (pieces.empty() && token.role == TokenRole::Part) needed.push_back(token.term);
    for (std::string_view piece : pieces) {
      if (std::string folded = analyzer.fold(piece); !folded.empty()) needed.push_back(std::move(folded));
    }
  });
  return words;
}

}  // namespace dossier::analysis
