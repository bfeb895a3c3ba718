#include "dossier/analysis/alias_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <unordered_set>

#include "dossier/analysis/normalizer.h"
#include "dossier/analysis/utf8.h"
#include "han_folder.h"
#include "token_window.h"

namespace dossier::analysis {
namespace {

// A stem shorter than this many code points matches too many other words ("mal" for Mali in
// Norwegian): such names are matched on their folded form only. Lower-case names (demonyms,
// adjectives) need one more, as nothing but the stem tells them from other words.
constexpr std::int32_t kMinStem = 3;

// Words that, after a shorter name of the same actor, still belong to its name ("Kaspersky Lab",
// "Lazarus Group", "Palo Alto Networks"), so the whole name is the mention.
const std::unordered_set<std::string_view> kNameParts = {
    "group",         "gang",        "team",      "crew",       "lab",      "labs",      "inc",
    "corp",          "corporation", "ltd",       "limited",    "llc",      "co",        "company",
    "technologies",  "technology",  "networks",  "software",   "systems",  "security",  "holdings",
    "international", "foundation",  "institute", "university", "ag",       "gmbh",      "plc",
    "media",         "news",        "bank",      "solutions",  "services", "collective"};

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

std::int32_t code_points(std::string_view text) {
  std::int32_t count = 0;
  for (char c : text)
    count += is_continuation_byte(c) ? 0 : 1;
  return count;
}

// A word's surface without an elided article before it or a possessive after it: "L’ANSSI" ->
// "ANSSI", "NSA's" -> "NSA" (the analyzer drops both from the term, so only the case check sees them).
std::string_view bare_surface(std::string_view surface) {
  for (std::string_view suffix : {"'s", "\u2019s", "'", "\u2019"}) {
    if (surface.size() > suffix.size() && surface.ends_with(suffix)) {
      surface.remove_suffix(suffix.size());
      break;
    }
  }
  return bare_word(surface);
}

// The separator between two words, as a name and a text must agree on it: white space, line
// breaks and hyphens are one kind ("" ), anything else counts as written ("&" of "AT&T", "/", ",").
std::string separator_of(std::string_view gap) {
  std::string out;
  for (char c : gap) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '-') out.push_back(c);
  }
  return out;
}

bool agrees(const NameEntry& entry, std::string_view text, const std::vector<Token>& tokens,
            std::size_t first) {
  if (entry.case_rule == CaseRule::None) return true;
  for (std::size_t k = 0; k < entry.words.size(); ++k) {
    const Token& token = tokens[first + k];
    const std::string_view surface = text.substr(token.begin, token.end - token.begin);
    if (k > 0) {
      const Token& before = tokens[first + k - 1];
      const std::string_view gap =
          token.begin >= before.end ? text.substr(before.end, token.begin - before.end) : std::string_view{};
      if (separator_of(gap) != entry.separators[k - 1]) return false;
    }
    if (entry.case_rule == CaseRule::Exact) {
      // "U.S." is the token "U.S" followed by a full stop: compare without the trailing dot.
      std::string_view word = entry.words[k];
      const std::string_view bare = bare_surface(surface);
      if (word.size() > bare.size() && word.back() == '.') word.remove_suffix(1);
      if (bare != word) return false;
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
  std::vector<std::string> variants;
  if (actor.kind == ActorKind::ThreatGroup) {
    add_joined(actor.name, variants);
    for (const std::string& alias : actor.aliases)
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
  add_spaced(actor.name);
  for (const std::string& alias : actor.aliases)
    add_spaced(alias);
  return variants;
}

// The UTF-8 code points of `text`, one string each: the keys of a Han name in the trie.
std::vector<std::string> characters(std::string_view text) {
  std::vector<std::string> out;
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, length, c);
    out.emplace_back(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

bool has_kind(const Gazetteer& gazetteer, EntityRef ref, std::initializer_list<ActorKind> kinds) {
  if (ref.type != EntityType::Actor) return false;
  const ActorKind kind = gazetteer.actors()[ref.index].kind;
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

struct AliasMatcher::Node {
  std::unordered_map<std::string, std::unique_ptr<Node>> children;
  std::vector<const NameEntry*> entries;
  Node* child(const std::string& key) {
    auto& next = children[key];
    if (!next) next = std::make_unique<Node>();
    return next.get();
  }
  const Node* find(const std::string& key) const {
    const auto it = children.find(key);
    return it == children.end() ? nullptr : it->second.get();
  }
};

std::string AliasMatcher::stemmer_name(std::string_view language) {
  if (language.empty() || language == "none") return {};
  try {
    const std::string description = Xapian::Stem(std::string(language)).get_description();
    const std::size_t open = description.find('(');
    const std::size_t close = description.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close <= open + 1) return {};
    std::string name = description.substr(open + 1, close - open - 1);
    return name == "none" ? std::string() : name;
  } catch (const Xapian::Error&) {
    return {};
  }
}

AliasMatcher::AliasMatcher(const Gazetteer& gazetteer, const Analyzer& analyzer)
    : han_(std::make_unique<HanFolder>()), root_(std::make_unique<Node>()) {
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
    for (const std::string& variant : spelling_variants(actor))
      add(variant, ref, NameRole::Name, gazetteer, analyzer);
  }
  find_heads(gazetteer);
  // Names in the language they are written in, matched on that language's stems. English names
  // are the countries' English names and demonyms ("Iranians", "North Koreans").
  const auto root_for = [this](const std::string& language) -> Node* {
    const std::string stemmer = stemmer_name(language);
    if (stemmer.empty()) return nullptr;
    for (auto& [name, node] : stem_roots_) {
      if (name == stemmer) return node.get();
    }
    return stem_roots_.emplace_back(stemmer, std::make_unique<Node>()).second.get();
  };
  for (std::uint32_t i = 0; i < gazetteer.countries().size(); ++i) {
    const Country& country = gazetteer.countries()[i];
    const EntityRef ref{EntityType::Country, i};
    for (const LocalName& local : country.local_names) {
      if (Node* root = root_for(local.language))
        add_stemmed(*root, local.text, ref, local.demonym ? NameRole::Demonym : NameRole::Name,
                    local.language, analyzer);
    }
    if (Node* english = root_for("en")) {
      add_stemmed(*english, country.name, ref, NameRole::Name, "en", analyzer);
      for (const std::string& demonym : country.demonyms)
        add_stemmed(*english, demonym, ref, NameRole::Demonym, "en", analyzer);
    }
  }
}

AliasMatcher::~AliasMatcher() = default;
AliasMatcher::AliasMatcher(AliasMatcher&&) noexcept = default;
AliasMatcher& AliasMatcher::operator=(AliasMatcher&&) noexcept = default;

NameEntry* AliasMatcher::add(const std::string& name, EntityRef target, NameRole role,
                             const Gazetteer& gazetteer, const Analyzer& analyzer) {
  if (name.empty()) return nullptr;
  auto entry = std::make_unique<NameEntry>();
  entry->target = target;
  entry->role = role;
  const Weakness weakness = gazetteer.weakness(name);
  entry->weak = weakness != Weakness::None;
  entry->common_word = weakness == Weakness::CommonWord;
  entry->never = weakness == Weakness::NotAnActor;
  std::vector<Token> tokens;
  analyzer.for_each_token(name, "none", [&tokens](const Token& token) {
    if (token.role == TokenRole::Primary) tokens.push_back(token);
  });
  if (tokens.empty() || tokens.size() > kMaxNameTokens) return nullptr;
  Node* node = root_.get();
  const bool han = std::all_of(tokens.begin(), tokens.end(),
                               [](const Token& t) { return t.kind == TokenKind::Ideographic; });
  if (han) {
    // Han names are keyed by their Simplified characters: segmentation differs between the two
    // scripts (中华人民共和国 is one word, 中華/人民/共和國 three).
    std::string folded;
    for (const Token& token : tokens)
      folded += token.term;
    folded = han_->fold(folded);
    for (const std::string& character : characters(folded))
      node = node->child(character);
    entry->case_rule = CaseRule::None;
    entry->words = {folded};
  } else {
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      if (k > 0)
        entry->separators.push_back(
            separator_of(name.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end)));
      entry->words.emplace_back(name.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
      node = node->child(tokens[k].term);
    }
    entry->case_rule = is_acronym(entry->words) ? CaseRule::Exact : CaseRule::Capitalized;
  }
  // The same entity named twice with the same words (e.g. an alias equal to a CLDR name) needs one entry.
  for (const NameEntry* existing : node->entries) {
    if (existing->target == target && existing->words == entry->words) return nullptr;
  }
  if (!han) max_length_ = std::max(max_length_, tokens.size());
  node->entries.push_back(entry.get());
  entries_.push_back(std::move(entry));
  return entries_.back().get();
}

void AliasMatcher::add_stemmed(Node& root, const std::string& name, EntityRef target, NameRole role,
                               const std::string& language, const Analyzer& analyzer) {
  auto entry = std::make_unique<NameEntry>();
  entry->target = target;
  entry->role = role;
  std::vector<Token> tokens;
  analyzer.for_each_token(name, language, [&tokens](const Token& token) {
    if (token.role == TokenRole::Primary) tokens.push_back(token);
  });
  if (tokens.empty() || tokens.size() > kMaxNameTokens) return;
  Node* node = &root;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& token = tokens[k];
    if (token.kind != TokenKind::Word) return;
    const std::string word(name.substr(token.begin, token.end - token.begin));
    const std::int32_t needed = is_capitalized(word) ? kMinStem : kMinStem + 1;
    if (code_points(token.stem) < needed) return;
    if (k > 0)
      entry->separators.push_back(
          separator_of(name.substr(tokens[k - 1].end, token.begin - tokens[k - 1].end)));
    entry->words.push_back(word);
    node = node->child(token.stem);
  }
  entry->case_rule = is_acronym(entry->words) ? CaseRule::Exact : CaseRule::Capitalized;
  if (entry->case_rule == CaseRule::Exact) return;  // acronyms do not inflect
  for (const NameEntry* existing : node->entries) {
    if (existing->target == target) return;
  }
  max_length_ = std::max(max_length_, tokens.size());
  node->entries.push_back(entry.get());
  entries_.push_back(std::move(entry));
}

// "Zscaler ThreatLabz", "ESET Research", "Naikon APT": a name of a company's or group's team,
// product or label that starts with the actor's own shorter name names the actor by that name.
void AliasMatcher::find_heads(const Gazetteer& gazetteer) {
  const Normalizer normalizer;
  for (const auto& entry : entries_) {
    if (entry->words.size() < 2 || entry->case_rule == CaseRule::None) continue;
    if (!has_kind(gazetteer, entry->target,
                  {ActorKind::Company, ActorKind::SecurityVendor, ActorKind::ThreatGroup, ActorKind::Media,
                   ActorKind::Ngo}))
      continue;
    const Node* node = root_.get();
    std::size_t head = 0;
    for (std::size_t k = 0; k + 1 < entry->words.size() && node != nullptr; ++k) {
      node = node->find(normalizer.fold(entry->words[k]));
      if (node == nullptr) break;
      const bool same = std::any_of(node->entries.begin(), node->entries.end(),
                                    [&](const NameEntry* e) { return e->target == entry->target; });
      if (same) head = k + 1;
    }
    if (head == 0 || !entry->separators[head - 1].empty()) continue;
    if (kNameParts.contains(normalizer.fold(entry->words[head]))) continue;
    entry->head = head;
  }
}

std::optional<NameMatch> AliasMatcher::walk(const Node& root, std::string_view text,
                                            const std::vector<Token>& tokens, std::size_t first,
                                            bool stems) const {
  std::optional<NameMatch> best;
  const Node* node = &root;
  if (!stems && tokens[first].kind == TokenKind::Ideographic) {
    for (std::size_t k = first; k < tokens.size() && node != nullptr; ++k) {
      if (tokens[k].kind != TokenKind::Ideographic || (k > first && tokens[k].begin != tokens[k - 1].end))
        break;
      for (const std::string& character : characters(tokens[k].term)) {
        node = node->find(character);
        if (node == nullptr) break;
      }
      if (node != nullptr && !node->entries.empty()) best = NameMatch{k - first + 1, node->entries};
    }
    return best;
  }
  for (std::size_t k = first; k < tokens.size() && k - first < max_length_; ++k) {
    const Token& token = tokens[k];
    node = node->find(stems && !token.stem.empty() ? token.stem : token.term);
    if (node == nullptr) break;
    NameMatch match{k - first + 1, {}};
    for (const NameEntry* entry : node->entries) {
      if (entry->words.size() == match.length && agrees(*entry, text, tokens, first))
        match.entries.push_back(entry);
    }
    if (!match.entries.empty()) best = std::move(match);
  }
  return best;
}

std::optional<NameMatch> AliasMatcher::country_inside(std::string_view text, const std::vector<Token>& tokens,
                                                      std::size_t first, std::size_t length) const {
  if (length < 2 || tokens[first].kind != TokenKind::Ideographic) return std::nullopt;
  const std::vector<Token> head(tokens.begin() + static_cast<std::ptrdiff_t>(first),
                                tokens.begin() + static_cast<std::ptrdiff_t>(first + length - 1));
  std::optional<NameMatch> match = walk(*root_, text, head, 0, false);
  if (!match) return std::nullopt;
  std::erase_if(match->entries, [](const NameEntry* e) { return e->target.type != EntityType::Country; });
  return match->entries.empty() ? std::nullopt : match;
}

std::optional<NameMatch> AliasMatcher::longest_match(std::string_view text, const std::vector<Token>& tokens,
                                                     std::size_t first, std::string_view language) const {
  std::optional<NameMatch> best = walk(*root_, text, tokens, first, false);
  if (language.empty()) return best;
  for (const auto& [name, root] : stem_roots_) {
    if (name != language) continue;
    std::optional<NameMatch> stemmed = walk(*root, text, tokens, first, true);
    if (stemmed && (!best || stemmed->length > best->length)) best = std::move(stemmed);
  }
  return best;
}

}  // namespace dossier::analysis
