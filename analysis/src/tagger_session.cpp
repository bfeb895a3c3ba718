#include "tagger_session.h"

#include <algorithm>
#include <cctype>

#include "dossier/analysis/acronym_definition.h"
#include "dossier/analysis/name_context.h"
#include "dossier/analysis/threat_group_code.h"

namespace dossier::analysis {
namespace {

// Tokens kept behind the cursor, for look-behind rules (acronym definitions, the word before a name).
constexpr std::size_t kHistory = 16;

// A capitalised common word inside a sentence ("attacks by Play") may find its context word
// further away than a lower-case one: anywhere in a sentence of this many words around it.
constexpr std::size_t kSentenceWords = 12;

// The one actor a match names, when it names exactly one and nothing else.
const NameEntry* only_actor(const NameMatch& match) {
  const NameEntry* actor = nullptr;
  for (const NameEntry* e : match.entries) {
    if (e->target.type != EntityType::Actor || (actor != nullptr && !(actor->target == e->target)))
      return nullptr;
    actor = e;
  }
  return actor;
}

// A descriptive name ("Canadian intelligence", "Security Service"): generic words a report may
// capitalise as the start of a longer proper name.
bool descriptive(const NameEntry& entry) {
  return entry.weak || std::any_of(entry.words.begin(), entry.words.end(), [](const std::string& w) {
           return !w.empty() && w.front() >= 'a' && w.front() <= 'z';
         });
}

}  // namespace

TaggerSession::TaggerSession(TaggerParts parts, std::string_view text, std::string_view language)
    : parts_(parts), language_(AliasMatcher::stemmer_name(language)), window_{text, {}, 0} {}

void TaggerSession::feed(const Token& token) {
  if (token.role != TokenRole::Primary) return;
  window_.buffer.push_back(token);
  if (token.kind == TokenKind::Ideographic) {
    // Han names are stored in Simplified characters: 中國 is looked up as 中国.
    if (!han_) han_.emplace(parts_.matcher.han_folder());
    window_.buffer.back().term = han_->fold(token.term);
  }
  run(false);
}

DocumentEntities TaggerSession::finish() {
  run(true);
  return resolve_mentions(std::move(findings_));
}

void TaggerSession::run(bool final) {
  const std::size_t lookahead = parts_.matcher.max_length() + 1;
  std::vector<Token>& buffer = window_.buffer;
  while (cursor_ < buffer.size() && (final || buffer.size() - cursor_ > lookahead))
    step();
  if (final && lists_.open()) lists_.close_list(*this);
  if (cursor_ > 4 * kHistory) {
    const std::size_t drop = cursor_ - kHistory;
    buffer.erase(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(drop));
    window_.base += drop;
    cursor_ -= drop;
  }
}

// Decides on the token at the cursor and advances past what it consumed.
void TaggerSession::step() {
  const std::size_t i = cursor_;
  const bool listed = lists_.at_listed_name(*this, i);
  if (const auto match = parts_.matcher.longest_match(window_.text, window_.buffer, i, language_)) {
    const std::size_t length = extend_group_name(i, *match);
    if (longer_name(i, *match, length)) return;
    const std::size_t before = findings_.candidates.size();
    record_match(i, *match, length);
    for (std::size_t k = 0; k < length; ++k)
      note_context(i + k);
    cursor_ += length;
    if (listed) lists_.list_group(*this, before, i + length - 1);
    return;
  }
  note_context(i);
  ++cursor_;
  if (listed && lists_.read_listed_name(*this, i)) return;
  if (lists_.open() && listed) lists_.close_list(*this);
  if (lists_.open_list(*this, i)) return;
  const std::string acronym(window_.surface(window_.buffer[i]));
  if (const auto local = local_acronyms_.find(acronym); local != local_acronyms_.end()) {
    add_candidate(local->second.first, local->second.second, i, 1, Certainty::Strong, NameRole::Name);
    return;
  }
  if (local_name(i)) return;
  if (const std::size_t length = threat_group_code(window_.text, window_.buffer, i); length > 0) {
    define_code_named_group(i, length);
    return;
  }
  define_acronym(i);
}

void TaggerSession::note_context(std::size_t i) {
  const std::string& term = window_.buffer[i].term;
  if (is_actor_context(term)) findings_.actor_context.push_back(window_.base + i);
  if (is_country_context(term)) findings_.country_context.push_back(window_.base + i);
}

void TaggerSession::add_candidate(EntityType type, std::string id, std::size_t first, std::size_t length,
                                  Certainty certainty, NameRole role) {
  Candidate candidate;
  candidate.type = type;
  candidate.id = std::move(id);
  candidate.first = window_.base + first;
  candidate.last = window_.base + first + length - 1;
  candidate.certainty = certainty;
  // A name right before is a neighbour, not a longer name: "Chinese MSS" is two mentions.
  const std::vector<Candidate>& found = findings_.candidates;
  const bool name_before = !found.empty() && found.back().last + 1 == window_.base + first;
  candidate.blocked = certainty == Certainty::Weak &&
                      (window_.glued_after(first, length) || (!name_before && window_.glued_before(first)));
  candidate.role = role;
  candidate.surface = length == 1 ? std::string(bare_word(window_.span(first, 1)))
                                  : collapse_spaces(window_.span(first, length));
  findings_.candidates.push_back(std::move(candidate));
}

std::string TaggerSession::id_of(const EntityRef& ref) const {
  return ref.type == EntityType::Country ? parts_.gazetteer.countries()[ref.index].code
                                         : parts_.gazetteer.actors()[ref.index].id;
}

bool TaggerSession::is_group(const Candidate& c) const {
  if (c.type != EntityType::Actor) return false;
  if (const Actor* actor = parts_.gazetteer.actor(c.id)) return actor->kind == ActorKind::ThreatGroup;
  return std::any_of(findings_.defined.begin(), findings_.defined.end(),
                     [&](const Actor& a) { return a.id == c.id && a.kind == ActorKind::ThreatGroup; });
}

// A country name that is part of another name: a language ("Russian-speaking"), an
// organisation ("China Telecom") or a currency ("US$").
bool TaggerSession::names_something_else(const NameEntry& entry, std::size_t first,
                                         std::size_t length) const {
  if (entry.target.type != EntityType::Country) return false;
  const std::string_view text = window_.text;
  const std::size_t end = window_.buffer[first + length - 1].end;
  if (end < text.size() && text[end] == '$') return true;
  const Token* next = window_.following(first, length);
  if (next == nullptr) return false;
  if (entry.role == NameRole::Demonym && is_language_word(next->term)) return true;
  return window_.capitalized(*next) && is_organisation_word(next->term);
}

// "Elfin Group", "Babuk ransomware gang": a threat group's name followed by a word for a group
// (after "ransomware" or not) includes those words.
std::size_t TaggerSession::extend_group_name(std::size_t first, const NameMatch& match) const {
  const bool groups = std::all_of(match.entries.begin(), match.entries.end(), [this](const NameEntry* e) {
    return e->target.type == EntityType::Actor &&
           parts_.gazetteer.actors()[e->target.index].kind == ActorKind::ThreatGroup;
  });
  if (!groups) return match.length;
  std::size_t length = match.length;
  const auto next_is = [&](const auto& accept) {
    const Token* next = window_.following(first, length);
    return next != nullptr && only_spaces(window_.gap(window_.buffer[first + length - 1], *next)) &&
           accept(next->term);
  };
  const bool ransomware = next_is([](const std::string& term) { return term == "ransomware"; });
  if (ransomware) ++length;
  if (next_is([](const std::string& term) { return is_group_suffix(term); })) return length + 1;
  return ransomware ? length - 1 : length;
}

// Where a name found in the text names nothing: a framework that contains an actor's name
// ("MITRE ATT&CK"), a path, a hex dump, a unit after a number ("32 BIT"), a site's footer ("Follow
// us on Twitter"), an image's alternative text or a link's title.
bool TaggerSession::not_a_mention(const NameEntry& entry, std::size_t first, std::size_t length) {
  if (entry.never || window_.in_path(first, length) || window_.in_hex_dump(first, length)) return true;
  if (entry.case_rule == CaseRule::Exact && window_.after_number(first)) return true;
  if (entry.target.type != EntityType::Actor) return false;
  // A list of sites after "follow us on" ("Twitter, LinkedIn and YouTube") is a footer throughout.
  const std::size_t global = window_.base + first;
  const bool listed = footer_end_ > 0 &&
                      (global == footer_end_ ||
                       (global == footer_end_ + 1 && first > 0 &&
                        (window_.buffer[first - 1].term == "and" || window_.buffer[first - 1].term == "or")));
  if (listed || window_.after_follow_us(first) || window_.in_markup_label(first)) {
    footer_end_ = global + length;
    return true;
  }
  return false;
}

// One candidate per entity a match names, however many of its names spell the same words
// ("Iran", "Irán" and "İran" fold alike): one surface, one mention.
void TaggerSession::record_match(std::size_t first, const NameMatch& match, std::size_t length) {
  if (std::any_of(match.entries.begin(), match.entries.end(), [](const NameEntry* e) { return e->never; }))
    return;
  std::vector<EntityRef> done;
  for (const NameEntry* entry : match.entries) {
    if (std::find(done.begin(), done.end(), entry->target) != done.end()) continue;
    if (entry->role == NameRole::Capital && !parts_.options.capitals) continue;
    if (not_a_mention(*entry, first, match.length)) continue;
    if (names_something_else(*entry, first, match.length)) continue;
    // The entity's most trusted entry in this match decides.
    const NameEntry* best = entry;
    for (const NameEntry* other : match.entries) {
      if (other->target == entry->target && best->weak && !other->weak) best = other;
    }
    done.push_back(entry->target);
    // A name shared by several entities of one type ("Dutch": NL or BQ) is as uncertain as a
    // weak one: it counts only for an entity the document names unambiguously elsewhere.
    const bool ambiguous =
        std::any_of(match.entries.begin(), match.entries.end(), [entry](const NameEntry* e) {
          return e->target.type == entry->target.type && !(e->target == entry->target);
        });
    const Certainty certainty = ambiguous    ? Certainty::Ambiguous
                                : best->weak ? Certainty::Weak
                                             : Certainty::Strong;
    // "Zscaler ThreatLabz": the mention is the actor's own name; the rest names its team.
    const std::size_t surface = best->head > 0 && length == match.length ? best->head : length;
    add_candidate(entry->target.type, id_of(entry->target), first, surface, certainty, best->role);
    Candidate& added = findings_.candidates.back();
    added.last = window_.base + first + length - 1;
    // "the Hive gang", "attacks by Bitter": an English word capitalised inside a sentence is a
    // name when a context word stands anywhere in its sentence. Capitals tell nothing of an acronym.
    if (certainty == Certainty::Weak && best->common_word && best->case_rule != CaseRule::Exact &&
        window_.capitalized(window_.buffer[first]) && !window_.starts_sentence(first) && !added.blocked) {
      added.context_words = kSentenceWords;
    }
    if (certainty == Certainty::Weak && best->case_rule == CaseRule::Exact &&
        entry->target.type == EntityType::Actor) {
      added.country_support = parts_.gazetteer.actors()[entry->target.index].country;
    }
  }
  country_in_compound(first, match);
}

// Chinese writes "the PRC's Ministry of State Security" as one compound, 中华人民共和国国家安全部:
// the country it starts with is named too. (In English the two are separate words, and the
// demonym or name before an agency's name is a mention of its own.)
void TaggerSession::country_in_compound(std::size_t first, const NameMatch& match) {
  const bool actor = std::any_of(match.entries.begin(), match.entries.end(), [](const NameEntry* e) {
    return e->target.type == EntityType::Actor && e->case_rule == CaseRule::None;
  });
  if (!actor) return;
  const auto country = parts_.matcher.country_inside(window_.text, window_.buffer, first, match.length);
  if (!country || std::any_of(country->entries.begin(), country->entries.end(), [&](const NameEntry* e) {
        return !(e->target == country->entries.front()->target);
      }))
    return;
  const NameEntry* entry = country->entries.front();
  add_candidate(EntityType::Country, id_of(entry->target), first, country->length,
                entry->weak ? Certainty::Weak : Certainty::Strong, entry->role);
}

// A long name matches as a whole or not at all, and an acronym in parentheses decides between
// referents:
// - "Security Service of the Ukraine": a descriptive or organisation name followed by "of"/"for"
//   and a capitalised name is that longer name, unless the words after it name the actor's own
//   country ("Federal Security Service of Russia", then one mention with the whole surface);
// - "Canadian Intelligence and Security Service": a descriptive name joined by "and" to
//   capitalised words ending in an organisation word is one longer name;
// - "Ministry of State Security (MGB)": an acronym that is not one of the actor's names, nor its
//   initials, names another body: the one the gazetteer knows by it, else a new one.
// A longer name that no gazetteer knows becomes an actor of kind `unknown`.
bool TaggerSession::longer_name(std::size_t first, const NameMatch& match, std::size_t length) {
  const NameEntry* entry = only_actor(match);
  if (entry == nullptr || entry->case_rule != CaseRule::Capitalized) return false;
  const Actor& actor = parts_.gazetteer.actors()[entry->target.index];
  const std::vector<Token>& buffer = window_.buffer;
  const std::size_t end = first + length;
  if (end >= buffer.size()) return false;
  // Threat groups' names are lists of aliases and codes ("Thallium and Konni Group", "Kimsuky
  // (APT43)"): these rules are for organisations' names.
  if (actor.kind == ActorKind::ThreatGroup) return false;
  if (const auto acronym = window_.parenthesised_acronym(end))
    return acronym_of_another(first, *entry, *acronym);
  const std::string& link = buffer[end].term;
  if (!only_spaces(window_.gap(buffer[end - 1], buffer[end])) || end + 1 >= buffer.size()) return false;
  const bool organisation = is_organisation_head(buffer[end - 1].term);
  if ((link == "of" || link == "for") && (descriptive(*entry) || organisation)) {
    const std::size_t from = end + 1 + (buffer[end + 1].term == "the" ? 1 : 0);
    const std::size_t run = window_.capitalized_run(from, 4);
    if (run == 0) return false;
    const auto country = country_named(from, run);
    if (country && *country == actor.country) {
      add_candidate(EntityType::Actor, actor.id, first, from + run - first, Certainty::Strong, entry->role);
      cursor_ = from + run;
      return true;
    }
    define_unknown(first, from + run, country.value_or(""), {});
    return true;
  }
  if ((link == "and" || link == "&") && descriptive(*entry) &&
      window_.capitalized_run(first, length) == length) {
    const std::size_t run = window_.capitalized_run(end + 1, 4);
    if (run == 0 || !is_organisation_head(buffer[end + run].term)) return false;
    define_unknown(first, end + 1 + run, actor.country, {});
    return true;
  }
  return false;
}

// "Name (ACR)" where ACR is not the actor's: the whole is another body's name.
bool TaggerSession::acronym_of_another(std::size_t first, const NameEntry& entry, std::size_t acronym) {
  const Actor& actor = parts_.gazetteer.actors()[entry.target.index];
  const std::string word(window_.surface(window_.buffer[acronym]));
  if (std::find(actor.aliases.begin(), actor.aliases.end(), word) != actor.aliases.end()) return false;
  std::string initials;
  for (std::size_t k = first; k < acronym; ++k) {
    const std::string_view w = window_.surface(window_.buffer[k]);
    if (!w.empty() && w.front() >= 'A' && w.front() <= 'Z') initials.push_back(w.front());
  }
  if (initials == word) return false;
  if (const auto other = parts_.matcher.longest_match(window_.text, window_.buffer, acronym)) {
    const NameEntry* known = only_actor(*other);
    if (known != nullptr && other->length == 1 && !(known->target == entry.target)) {
      const std::string id = parts_.gazetteer.actors()[known->target.index].id;
      add_candidate(EntityType::Actor, id, first, acronym - first, Certainty::Strong, NameRole::Name);
      add_candidate(EntityType::Actor, id, acronym, 1, Certainty::Strong, NameRole::Name);
      local_acronyms_[word] = {EntityType::Actor, id};
      cursor_ = acronym + 1;
      return true;
    }
  }
  define_unknown(first, acronym, {}, {word});
  add_candidate(EntityType::Actor, findings_.defined.back().id, acronym, 1, Certainty::Strong,
                NameRole::Name);
  local_acronyms_[word] = {EntityType::Actor, findings_.defined.back().id};
  cursor_ = acronym + 1;
  return true;
}

// The country `length` capitalised words at `first` name on their own ("the Ukraine", "Russia").
std::optional<std::string> TaggerSession::country_named(std::size_t first, std::size_t length) const {
  const auto match = parts_.matcher.longest_match(window_.text, window_.buffer, first);
  if (!match || match->length != length) return std::nullopt;
  for (const NameEntry* e : match->entries) {
    if (e->target.type == EntityType::Country) return id_of(e->target);
  }
  return std::nullopt;
}

// An organisation the report names by a longer name than any gazetteer has: one mention of an
// actor of kind `unknown` over `buffer[first..end)`.
void TaggerSession::define_unknown(std::size_t first, std::size_t end, std::string country,
                                   std::vector<std::string> aliases) {
  const std::string name = collapse_spaces(window_.span(first, end - first));
  Actor actor{unknown_actor_id(window_.buffer, first, end, name), name, ActorKind::Unknown,
              std::move(country), std::move(aliases)};
  std::vector<Actor>& defined = findings_.defined;
  const auto known =
      std::find_if(defined.begin(), defined.end(), [&](const Actor& a) { return a.id == actor.id; });
  if (known == defined.end()) {
    defined.push_back(std::move(actor));
  } else {
    std::rotate(known, known + 1, defined.end());  // the last defined is the one just named
  }
  add_candidate(EntityType::Actor, defined.back().id, first, end - first, Certainty::Strong, NameRole::Name);
  cursor_ = end;
}

void TaggerSession::define_code_named_group(std::size_t first, std::size_t length) {
  const std::string id = define_group(collapse_spaces(window_.span(first, length)), {});
  add_candidate(EntityType::Actor, id, first, length, Certainty::Strong, NameRole::Name);
  cursor_ = first + length;
}

std::string TaggerSession::define_group(const std::string& name, std::vector<std::string> aliases) {
  std::string id;
  for (char c : name)
    id.push_back(std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-');
  std::vector<Actor>& defined = findings_.defined;
  if (parts_.gazetteer.actor(id) == nullptr &&
      std::none_of(defined.begin(), defined.end(), [&](const Actor& a) { return a.id == id; })) {
    defined.push_back({id, name, ActorKind::ThreatGroup, {}, std::move(aliases)});
  }
  return id;
}

// A later mention of a name an alias list gave a group.
bool TaggerSession::local_name(std::size_t i) {
  const auto found = lists_.local_name(*this, i);
  if (!found) return false;
  add_candidate(EntityType::Actor, found->first, i, found->second, Certainty::Strong, NameRole::Name);
  for (std::size_t k = 1; k < found->second; ++k)
    note_context(i + k);
  cursor_ = i + found->second;
  return true;
}

// "Long Name (ACR)": later "ACR" mentions count for the long name's entity.
void TaggerSession::define_acronym(std::size_t i) {
  const auto definition = find_acronym_definition(window_.text, window_.buffer, i);
  if (!definition) return;
  const std::string acronym(window_.surface(window_.buffer[i]));
  const std::size_t name_first = window_.base + definition->first;
  std::vector<Candidate>& candidates = findings_.candidates;
  if (!candidates.empty() && candidates.back().last == window_.base + i - 1 &&
      candidates.back().first >= name_first) {
    const Candidate named = candidates.back();
    local_acronyms_[acronym] = {named.type, named.id};
    add_candidate(named.type, named.id, i, 1, Certainty::Strong, NameRole::Name);
    return;
  }
  if (!definition->names_organisation) return;
  Actor actor{definition->id, definition->name, ActorKind::Unknown, {}, {acronym}};
  local_acronyms_[acronym] = {EntityType::Actor, actor.id};
  add_candidate(EntityType::Actor, actor.id, definition->first, i - definition->first, Certainty::Strong,
                NameRole::Name);
  add_candidate(EntityType::Actor, actor.id, i, 1, Certainty::Strong, NameRole::Name);
  std::vector<Actor>& defined = findings_.defined;
  if (std::none_of(defined.begin(), defined.end(), [&](const Actor& a) { return a.id == actor.id; })) {
    defined.push_back(std::move(actor));
  }
}

}  // namespace dossier::analysis
