#include "dossier/analysis/alias_list.h"

#include <unicode/uchar.h>

#include <array>
#include <unordered_set>

#include "dossier/analysis/stopwords.h"
#include "dossier/analysis/utf8.h"

namespace dossier::analysis {
namespace {

// Phrases, as folded terms, that introduce other names for what precedes them.
struct Phrase {
  std::array<std::string_view, 4> words;
  bool naming = false;
};
constexpr std::array<Phrase, 16> kPhrases = {{
    {{"also", "known", "as", ""}},
    {{"known", "by", "the", "aliases"}},
    {{"known", "by", "the", "alias"}},
    {{"known", "by", "the", "names"}},
    {{"formerly", "known", "as", ""}},
    {{"known", "as", "", ""}},
    {{"also", "tracked", "as", ""}},
    {{"tracked", "as", "", ""}},
    {{"we", "track", "as", ""}},
    {{"also", "called", "", ""}},
    {{"we", "call", "", ""}},
    {{"aka", "", "", ""}},
    {{"a.k.a", "", "", ""}},
    {{"named", "", "", ""}, true},
    {{"dubbed", "", "", ""}, true},
    {{"called", "", "", ""}, true},
}};

const std::unordered_set<std::string_view> kGroupWords = {
    "group", "groups",  "actor",      "actors",    "gang",    "crew",     "apt",
    "apts",  "hackers", "collective", "operators", "cluster", "adversary"};

// Quotation marks and emphasis around a name: ASCII quotes, *, _ and the typographic ones.
constexpr std::array<std::string_view, 9> kQuotes = {"\"",     "'",      "*",      "_",     "\u201C",
                                                     "\u201D", "\u2018", "\u2019", "\u00AB"};

std::string_view gap_between(std::string_view text, const Token& left, const Token& right) {
  return right.begin >= left.end ? text.substr(left.end, right.begin - left.end) : std::string_view{};
}

// The gap without quotation marks and white space: what separates two names.
std::string separator_of(std::string_view gap) {
  std::string out;
  for (std::size_t i = 0; i < gap.size();) {
    bool quote = false;
    for (std::string_view q : kQuotes) {
      if (gap.substr(i).starts_with(q)) {
        i += q.size();
        quote = true;
        break;
      }
    }
    if (quote) continue;
    const char c = gap[i++];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

bool joins_name(std::string_view gap) {
  return gap == " " || gap == "-";
}

bool starts_name(std::string_view text, const Token& token) {
  return u_isupper(first_code_point(text.substr(token.begin, token.end - token.begin))) != 0 &&
         !is_query_stopword(token.term) && !kGroupWords.contains(token.term);
}

}  // namespace

std::optional<ListTrigger> list_trigger(const std::vector<Token>& tokens, std::size_t first) {
  for (const Phrase& phrase : kPhrases) {
    std::size_t length = 0;
    while (length < phrase.words.size() && !phrase.words[length].empty() && first + length < tokens.size() &&
           tokens[first + length].term == phrase.words[length])
      ++length;
    if (length < phrase.words.size() && !phrase.words[length].empty()) continue;
    return ListTrigger{length, phrase.naming};
  }
  return std::nullopt;
}

std::optional<ListTrigger> list_trigger(std::string_view text, const std::vector<Token>& tokens,
                                        std::size_t first) {
  const auto trigger = list_trigger(tokens, first);
  if (!trigger || trigger->length == 0) return std::nullopt;
  const std::size_t after = first + trigger->length;
  if (after < tokens.size() && !plain_gap(gap_between(text, tokens[after - 1], tokens[after])))
    return std::nullopt;
  return trigger;
}

ListAnchor list_anchor(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                       bool naming, std::optional<bool> named_group) {
  const Token& before = tokens[first - 1];
  if (gap_between(text, before, tokens[first]).find_first_not_of(" ,(") != std::string_view::npos)
    return ListAnchor::None;
  if (is_group_word(before.term)) return ListAnchor::GroupWord;
  if (naming) return ListAnchor::None;
  if (named_group) return *named_group ? ListAnchor::Group : ListAnchor::None;
  return listed_name_length(text, tokens, first - 1) == 1 ? ListAnchor::Name : ListAnchor::None;
}

std::size_t name_before(std::string_view text, const std::vector<Token>& tokens, std::size_t end) {
  std::size_t first = end - 1;
  while (first > 0 && end - first < 3 && listed_name_length(text, tokens, first - 1) >= end - first + 1)
    --first;
  return first;
}

void ListedNames::remember(std::vector<std::string> terms, std::string id) {
  names_.emplace_back(std::move(terms), std::move(id));
}

std::optional<std::pair<std::string, std::size_t>> ListedNames::find(std::string_view text,
                                                                     const std::vector<Token>& tokens,
                                                                     std::size_t first) const {
  if (!starts_name(text, tokens[first])) return std::nullopt;
  for (const auto& [terms, id] : names_) {
    if (first + terms.size() > tokens.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < terms.size() && same; ++k)
      same = tokens[first + k].term == terms[k];
    if (same) return std::make_pair(id, terms.size());
  }
  return std::nullopt;
}

bool is_group_word(std::string_view term) {
  return kGroupWords.contains(term);
}

bool quotes_name(std::string_view gap) {
  while (!gap.empty() && (gap.front() == ' ' || gap.front() == '\t'))
    gap.remove_prefix(1);
  for (std::string_view q : {"\"", "'", "*", "**", "\u201C", "\u2018", "\u00AB"}) {
    if (gap == q) return true;
  }
  return false;
}

bool plain_gap(std::string_view gap) {
  return separator_of(gap).empty();
}

std::size_t listed_name_length(std::string_view text, const std::vector<Token>& tokens, std::size_t first) {
  constexpr std::size_t kMaxWords = 4;
  if (first >= tokens.size() || tokens[first].kind != TokenKind::Word || !starts_name(text, tokens[first]))
    return 0;
  std::size_t length = 1;
  while (length < kMaxWords && first + length < tokens.size() &&
         joins_name(gap_between(text, tokens[first + length - 1], tokens[first + length])) &&
         tokens[first + length].kind == TokenKind::Word && starts_name(text, tokens[first + length]))
    ++length;
  return length;
}

std::optional<std::size_t> next_listed_name(std::string_view text, const std::vector<Token>& tokens,
                                            std::size_t last) {
  const std::size_t next = last + 1;
  if (next >= tokens.size()) return std::nullopt;
  const std::string separator = separator_of(gap_between(text, tokens[last], tokens[next]));
  const bool comma = separator == "," || separator == "/" || separator == ";";
  if (!comma && !separator.empty() && separator != "(" && separator != ",(") return std::nullopt;
  const auto skip = [&](std::size_t at) -> std::optional<std::size_t> {
    return at < tokens.size() ? std::optional<std::size_t>(at - last) : std::nullopt;
  };
  if (const auto trigger = list_trigger(tokens, next); trigger && !trigger->naming) {
    return skip(next + trigger->length);
  }
  if (separator == "(" || separator == ",(") return std::nullopt;
  if (tokens[next].term == "or" || tokens[next].term == "and") {
    if (next + 1 >= tokens.size() || !separator_of(gap_between(text, tokens[next], tokens[next + 1])).empty())
      return std::nullopt;
    return skip(next + 1);
  }
  return comma ? skip(next) : std::nullopt;
}

}  // namespace dossier::analysis
