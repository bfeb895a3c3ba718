#include "dossier/analysis/acronym_definition.h"

#include <unicode/uchar.h>

#include <unordered_set>

#include "dossier/analysis/digest.h"
#include "dossier/analysis/name_context.h"
#include "dossier/analysis/utf8.h"

namespace dossier::analysis {
namespace {

constexpr std::size_t kMaxNameWords = 12;

// Small words that may stand between the initials of a name.
const std::unordered_set<std::string> kLinkWords = {"of",  "the", "and", "for", "on",  "in",   "to", "de",
                                                    "du",  "des", "la",  "le",  "van", "voor", "en", "und",
                                                    "fur", "der", "die", "das", "y",   "del",  "et", "&"};

// The capitals of an acronym ("MSS" -> "MSS", "C2PA" -> "CPA"), or "" if it is not one.
std::string capitals_of(std::string_view word) {
  if (word.size() < 2 || word.size() > 8) return {};
  std::string capitals;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') {
      capitals.push_back(c);
    } else if (c < '0' || c > '9') {
      return {};
    }
  }
  return capitals.size() >= 2 ? capitals : std::string();
}

// Text between two tokens that a name may span: spaces and hyphens only.
bool joins_words(std::string_view gap) {
  return gap.find_first_not_of(" -") == std::string_view::npos;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::string unknown_actor_id(const std::vector<Token>& tokens, std::size_t first, std::size_t end,
                             std::string_view name) {
  // The id spells the name's ASCII letters; a name with none (or a very long one) gets a digest.
  std::string slug;
  for (std::size_t j = first; j < end; ++j) {
    for (char c : tokens[j].term) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug.push_back(c);
    }
    if (!slug.empty() && slug.back() != '-') slug.push_back('-');
  }
  while (!slug.empty() && slug.back() == '-')
    slug.pop_back();
  if (slug.empty() || slug.size() > 80) slug = digest_hex(name).substr(0, 16);
  return "unknown-" + slug;
}

std::optional<AcronymDefinition> find_acronym_definition(std::string_view text,
                                                         const std::vector<Token>& tokens,
                                                         std::size_t acronym) {
  if (acronym == 0 || acronym >= tokens.size()) return std::nullopt;
  const Token& token = tokens[acronym];
  const std::string capitals = capitals_of(text.substr(token.begin, token.end - token.begin));
  if (capitals.empty()) return std::nullopt;
  const Token& before = tokens[acronym - 1];
  const std::string_view opening = trim_spaces(text.substr(before.end, token.begin - before.end));
  const std::string_view after =
      trim_spaces(text.substr(token.end, std::min<std::size_t>(8, text.size() - token.end)));
  if (opening != "(" || !after.starts_with(')')) return std::nullopt;

  // Match the capitals right to left against the initials of the words before the parenthesis.
  std::size_t need = capitals.size();
  std::size_t first = acronym;
  for (std::size_t j = acronym; j-- > 0 && acronym - j <= kMaxNameWords && need > 0;) {
    const Token& word = tokens[j];
    if (j + 1 < acronym && !joins_words(text.substr(word.end, tokens[j + 1].begin - word.end))) break;
    const UChar32 initial = first_code_point(text.substr(word.begin, word.end - word.begin));
    if (need < capitals.size() && kLinkWords.contains(word.term)) continue;
    if (!u_isupper(initial) || u_toupper(initial) != static_cast<UChar32>(capitals[need - 1])) break;
    --need;
    first = j;
  }
  if (need > 0) return std::nullopt;

  AcronymDefinition definition;
  definition.first = first;
  definition.name = std::string(text.substr(tokens[first].begin, before.end - tokens[first].begin));
  for (std::size_t j = first; j < acronym; ++j)
    definition.names_organisation = definition.names_organisation || is_organisation_head(tokens[j].term);
  definition.id = unknown_actor_id(tokens, first, acronym, definition.name);
  return definition;
}

}  // namespace dossier::analysis
