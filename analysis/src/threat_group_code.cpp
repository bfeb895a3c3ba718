#include "dossier/analysis/threat_group_code.h"

#include <array>
#include <utility>

namespace dossier::analysis {
namespace {

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

// `word` is `prefix` followed by `min`..`max` digits.
bool prefix_and_digits(std::string_view word, std::string_view prefix, std::size_t min, std::size_t max) {
  if (!word.starts_with(prefix)) return false;
  const std::string_view digits = word.substr(prefix.size());
  if (digits.size() < min || digits.size() > max) return false;
  for (char c : digits) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// "TEMP.Jumper": TEMP, a dot, a capitalised word.
bool temp_name(std::string_view word) {
  if (!word.starts_with("TEMP.") || word.size() < 7 || word[5] < 'A' || word[5] > 'Z') return false;
  for (char c : word.substr(6)) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// One-token codes: the tokenizer keeps letters and digits together ("TA574").
bool single_token_code(std::string_view word) {
  // MITRE ATT&CK tactics are TA0001-TA0043 ("tactic TA0040 (Impact)"); Proofpoint's group
  // numbers never start with 0.
  if (word.size() == 6 && word.starts_with("TA0")) return false;
  constexpr std::array<std::tuple<std::string_view, std::size_t, std::size_t>, 5> kSchemes = {
      {{"TA", 3, 4}, {"UNC", 3, 5}, {"APT", 1, 3}, {"FIN", 1, 2}, {"G", 4, 4}}};
  for (const auto& [prefix, min, max] : kSchemes) {
    if (prefix_and_digits(word, prefix, min, max)) return true;
  }
  return temp_name(word);
}

}  // namespace

std::size_t threat_group_code(std::string_view text, const std::vector<Token>& tokens, std::size_t first) {
  const Token& token = tokens[first];
  const std::string_view word = text.substr(token.begin, token.end - token.begin);
  // Every scheme starts with one of these capitals: most words are rejected here.
  if (word.empty() || std::string_view("TUAFGDS").find(word.front()) == std::string_view::npos) return 0;
  if (single_token_code(word)) return 1;
  // Hyphenated codes are two tokens, the prefix and the number: "Storm-0558", "DEV-0537", "TAG-22",
  // "UAC-0056".
  const bool prefix = word == "DEV" || word == "Storm" || word == "STORM" || word == "TAG" || word == "UAC";
  if (!prefix || first + 1 >= tokens.size()) return 0;
  const Token& next = tokens[first + 1];
  if (next.begin != token.end + 1 || text[token.end] != '-') return 0;
  const std::string_view number = text.substr(next.begin, next.end - next.begin);
  return prefix_and_digits(number, "", 2, 4) ? 2 : 0;
}

}  // namespace dossier::analysis
