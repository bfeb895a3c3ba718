#include "dossier/analysis/alias_matcher.h"

#include <unicode/uchar.h>

#include "dossier/analysis/utf8.h"

namespace dossier::analysis {
namespace {

// Acronyms: one word with upper-case letters and no lower-case ones ("MSS", "U.S.", "APT40").
bool is_acronym(const std::vector<std::string>& words) {
  if (words.size() != 1) return false;
  bool upper = false;
  for (char c : words.front()) {
    if (c >= 'a' && c <= 'z') return false;
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    upper = upper || (c >= 'A' && c <= 'Z');
  }
  return upper;
}

bool is_capitalized(std::string_view word) noexcept {
  return u_isupper(first_code_point(word)) != 0;
}

bool case_agrees(const NameEntry& entry, std::string_view text, const std::vector<Token>& tokens,
                 std::size_t first) {
  for (std::size_t k = 0; k < entry.words.size(); ++k) {
    const Token& token = tokens[first + k];
    const std::string_view surface = text.substr(token.begin, token.end - token.begin);
    if (entry.case_rule == CaseRule::Exact) {
      // "U.S." is the token "U.S" followed by a full stop: compare without the trailing dot.
      std::string_view word = entry.words[k];
      if (word.size() > surface.size() && word.back() == '.') word.remove_suffix(1);
      if (surface != word) return false;
    } else if (is_capitalized(entry.words[k]) && !is_capitalized(surface)) {
      return false;
    }
  }
  return true;
}

// A display name like "Ministry of State Security (MSS)" carries its acronym (or a one-word
// qualifier) for the reader; text names the actor by one form or the other, and both are
// aliases. A longer parenthesis ("X (formerly Twitter)") is part of the name.
std::string without_parenthetical(const std::string& name) {
  const std::size_t open = name.rfind(" (");
  if (open == std::string::npos || open < 3 || name.back() != ')') return name;
  const bool one_word = name.find(' ', open + 2) == std::string::npos;
  return one_word ? name.substr(0, open) : name;
}

// Two capitalised words are also written as one ("Cloud Atlas", "CloudAtlas").
void add_joined(const std::string& name, std::vector<std::string>& variants) {
  const std::size_t space = name.find(' ');
  if (space == std::string::npos || name.find(' ', space + 1) != std::string::npos ||
      space + 1 >= name.size())
    return;
  const auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (!capital(name[0]) || !capital(name[space + 1])) return;
  variants.push_back(name.substr(0, space) + name.substr(space + 1));
}

// "APT40" is also written "APT 40" and "APT-40" (both analyse to the words "APT", "40"):
// a name of capitals followed by digits gets the spaced form. Threat groups' two-word names also
// get their joined form.
std::vector<std::string> spelling_variants(const Actor& actor) {
  const std::string& name = actor.name;
  const std::vector<std::string>& aliases = actor.aliases;
  std::vector<std::string> variants;
  if (actor.kind == ActorKind::ThreatGroup) {
    add_joined(name, variants);
    for (const std::string& alias : aliases)
      add_joined(alias, variants);
  }
  const auto add_spaced = [&variants](const std::string& word) {
    std::size_t letters = 0;
    while (letters < word.size() && word[letters] >= 'A' && word[letters] <= 'Z')
      ++letters;
    if (letters < 2 || letters == word.size()) return;
    for (std::size_t k = letters; k < word.size(); ++k) {
      if (word[k] < '0' || word[k] > '9') return;
    }
    variants.push_back(word.substr(0, letters) + " " + word.substr(letters));
  };
  add_spaced(name);
  for (const std::string& alias : aliases)
    add_spaced(alias);
  return variants;
}

}  // namespace

struct AliasMatcher::Node {
  std::unordered_map<std::string, std::unique_ptr<Node>> children;
  std::vector<const NameEntry*> entries;
};

AliasMatcher::AliasMatcher(const Gazetteer& gazetteer, const Analyzer& analyzer)
    : root_(std::make_unique<Node>()) {
  for (std::uint32_t i = 0; i < gazetteer.countries().size(); ++i) {
    const Country& country = gazetteer.countries()[i];
    const EntityRef ref{EntityType::Country, i};
    add(country.name, ref, NameRole::Name, gazetteer, analyzer);
    for (const std::string& alias : country.aliases)
      add(alias, ref, NameRole::Name, gazetteer, analyzer);
    for (const std::string& demonym : country.demonyms)
      add(demonym, ref, NameRole::Demonym, gazetteer, analyzer);
    for (const std::string& capital : country.capitals)
      add(capital, ref, NameRole::Capital, gazetteer, analyzer);
  }
  for (std::uint32_t i = 0; i < gazetteer.actors().size(); ++i) {
    const Actor& actor = gazetteer.actors()[i];
    const EntityRef ref{EntityType::Actor, i};
    add(without_parenthetical(actor.name), ref, NameRole::Name, gazetteer, analyzer);
    for (const std::string& alias : actor.aliases)
      add(alias, ref, NameRole::Name, gazetteer, analyzer);
    for (const std::string& variant : spelling_variants(actor)) {
      add(variant, ref, NameRole::Name, gazetteer, analyzer);
    }
  }
}

AliasMatcher::~AliasMatcher() = default;
AliasMatcher::AliasMatcher(AliasMatcher&&) noexcept = default;
AliasMatcher& AliasMatcher::operator=(AliasMatcher&&) noexcept = default;

void AliasMatcher::add(const std::string& name, EntityRef target, NameRole role, const Gazetteer& gazetteer,
                       const Analyzer& analyzer) {
  if (name.empty()) return;
  auto entry = std::make_unique<NameEntry>();
  entry->target = target;
  entry->role = role;
  const Weakness weakness = gazetteer.weakness(name);
  entry->weak = weakness != Weakness::None;
  entry->common_word = weakness == Weakness::CommonWord;
  Node* node = root_.get();
  std::size_t length = 0;
  bool too_long = false;
  analyzer.for_each_token(name, "none", [&](const Token& token) {
    if (token.role != TokenRole::Primary || too_long) return;
    if (++length > kMaxNameTokens) {
      too_long = true;
      return;
    }
    entry->words.emplace_back(name.substr(token.begin, token.end - token.begin));
    auto& child = node->children[token.term];
    if (!child) child = std::make_unique<Node>();
    node = child.get();
  });
  if (length == 0 || too_long) return;
  entry->case_rule = is_acronym(entry->words) ? CaseRule::Exact : CaseRule::Capitalized;
  // The same entity named twice with the same words (e.g. an alias equal to a CLDR name) needs one entry.
  for (const NameEntry* existing : node->entries) {
    if (existing->target == target && existing->words == entry->words) return;
  }
  max_length_ = std::max(max_length_, length);
  node->entries.push_back(entry.get());
  entries_.push_back(std::move(entry));
}

std::optional<NameMatch> AliasMatcher::longest_match(std::string_view text, const std::vector<Token>& tokens,
                                                     std::size_t first) const {
  std::optional<NameMatch> best;
  const Node* node = root_.get();
  for (std::size_t k = first; k < tokens.size() && k - first < max_length_; ++k) {
    const auto child = node->children.find(tokens[k].term);
    if (child == node->children.end()) break;
    node = child->second.get();
    NameMatch match{k - first + 1, {}};
    for (const NameEntry* entry : node->entries) {
      if (case_agrees(*entry, text, tokens, first)) match.entries.push_back(entry);
    }
    if (!match.entries.empty()) best = std::move(match);
  }
  return best;
}

}  // namespace dossier::analysis
