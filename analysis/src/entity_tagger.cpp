#include "dossier/analysis/entity_tagger.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <unordered_map>

#include "dossier/analysis/acronym_definition.h"
#include "dossier/analysis/alias_list.h"
#include "dossier/analysis/name_context.h"
#include "dossier/analysis/threat_group_code.h"
#include "dossier/analysis/utf8.h"

namespace dossier::analysis {
namespace {

// Tokens kept behind the cursor, for look-behind rules (acronym definitions, the word before a name).
constexpr std::size_t kHistory = 16;
// How far (in words) a context word may stand from a weak name.
constexpr std::size_t kContextWords = 4;

bool only_spaces(std::string_view gap) noexcept {
  return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
}

// A surface as a reader would quote it: runs of white space (line breaks included) become one space.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool is_context_word(const std::string& term) {
  return is_actor_context(term) || is_country_context(term);
}

// How much a found name can be trusted on its own.
enum class Certainty {
  Strong,     // counts
  Weak,       // a common word: counts with support or a context word, never glued to a capitalised word
  Ambiguous,  // shared by several entities: counts only with support (context cannot tell which)
};

// A name found in the text, before the rules decide whether it counts.
struct Candidate {
  EntityType type = EntityType::Country;
  std::string id;
  std::size_t first = 0;  // global index of the first token
  std::size_t last = 0;   // global index of the last token
  Certainty certainty = Certainty::Strong;
  bool blocked = false;  // a weak name glued to another capitalised word: part of a different name
  NameRole role = NameRole::Name;
  std::string surface;
  // For a weak acronym of an actor ("MSS", also TCP's maximum segment size): the actor's country,
  // whose mention in the same document supports it.
  std::string country_support;
};

std::string key_of(EntityType type, const std::string& id) {
  return (type == EntityType::Country ? "c:" : "a:") + id;
}

std::vector<EntityMentions> sorted(std::map<std::string, EntityMentions>& by_id) {
  std::vector<EntityMentions> out;
  for (auto& [id, mentions] : by_id)
    out.push_back(std::move(mentions));
  std::stable_sort(out.begin(), out.end(),
                   [](const EntityMentions& a, const EntityMentions& b) { return a.mentions > b.mentions; });
  return out;
}

}  // namespace

struct EntityTagger::Session::State {
  const EntityTagger& tagger;
  std::string_view text;
  std::vector<Token> buffer;  // history and look-ahead; buffer[0] has global index `base`
  std::size_t base = 0;
  std::size_t cursor = 0;  // buffer index of the next token to decide on
  std::vector<Candidate> candidates;
  std::vector<std::size_t> actor_context;    // global indices of actor context words
  std::vector<std::size_t> country_context;  // global indices of country context words
  std::unordered_map<std::string, std::pair<EntityType, std::string>> local_acronyms;
  std::vector<Actor> defined;
  // An alias list being read: names no gazetteer knows wait for its end to learn whose they are.
  struct OpenList {
    ListAnchor anchor = ListAnchor::None;
    std::size_t expect = 0;  // global index of the token where the next listed name must start
    std::string group;       // the first known threat group among the names, if any
    std::vector<std::pair<Candidate, std::vector<std::string>>> names;  // with their folded terms
  };
  std::optional<OpenList> list;
  ListedNames listed_names;  // names alias lists gave groups: their later mentions count for them

  std::string_view surface(const Token& token) const {
    return text.substr(token.begin, token.end - token.begin);
  }
  bool capitalized(const Token& token) const { return u_isupper(first_code_point(surface(token))) != 0; }
  std::string_view gap(const Token& left, const Token& right) const {
    return right.begin >= left.end ? text.substr(left.end, right.begin - left.end) : std::string_view{};
  }

  // True when `token` (buffer index i) starts a sentence: nothing before it, or ". " before it.
  bool starts_sentence(std::size_t i) const {
    if (base + i == 0 || i == 0) return true;
    const std::string_view before = gap(buffer[i - 1], buffer[i]);
    return before.find_first_of(".!?:\n") != std::string_view::npos;
  }

  // A weak name glued to a neighbouring capitalised word is part of another name.
  // The word right after `length` tokens at `first`, when only spaces or a hyphen separate them.
  const Token* following(std::size_t first, std::size_t length) const {
    const std::size_t next = first + length;
    if (next >= buffer.size()) return nullptr;
    const std::string_view between = gap(buffer[next - 1], buffer[next]);
    if (between.empty() || between.find_first_not_of(" -") != std::string_view::npos) return nullptr;
    return &buffer[next];
  }

  // A country name that is part of another name: a language ("Russian-speaking"), an
  // organisation ("China Telecom") or a currency ("US$").
  bool names_something_else(const NameEntry& entry, std::size_t first, std::size_t length) const {
    if (entry.target.type != EntityType::Country) return false;
    // "US$68", "A$5": a currency.
    const std::size_t end = buffer[first + length - 1].end;
    if (end < text.size() && text[end] == '$') return true;
    const Token* next = following(first, length);
    if (next == nullptr) return false;
    if (entry.role == NameRole::Demonym && is_language_word(next->term)) return true;
    return capitalized(*next) && is_organisation_word(next->term);
  }

  bool glued(std::size_t first, std::size_t length) const {
    const std::size_t next = first + length;
    if (next < buffer.size() && only_spaces(gap(buffer[next - 1], buffer[next])) &&
        capitalized(buffer[next]) && !is_context_word(buffer[next].term)) {
      return true;
    }
    return first > 0 && only_spaces(gap(buffer[first - 1], buffer[first])) &&
           capitalized(buffer[first - 1]) && !starts_sentence(first - 1) &&
           !is_context_word(buffer[first - 1].term);
  }

  void add_candidate(EntityType type, std::string id, std::size_t first, std::size_t length,
                     Certainty certainty, NameRole role) {
    const Token& a = buffer[first];
    const Token& b = buffer[first + length - 1];
    const bool blocked = certainty == Certainty::Weak && glued(first, length);
    candidates.push_back({type,
                          std::move(id),
                          base + first,
                          base + first + length - 1,
                          certainty,
                          blocked,
                          role,
                          collapse_spaces(text.substr(a.begin, b.end - a.begin)),
                          {}});
  }

  std::string id_of(const EntityRef& ref) const {
    return ref.type == EntityType::Country ? tagger.gazetteer_.countries()[ref.index].code
                                           : tagger.gazetteer_.actors()[ref.index].id;
  }

  void note_context(std::size_t i) {
    const std::string& term = buffer[i].term;
    if (is_actor_context(term)) actor_context.push_back(base + i);
    if (is_country_context(term)) country_context.push_back(base + i);
  }

  // "Elfin Group", "Babuk ransomware gang": a threat group's name followed by a word for a group
  // (after "ransomware" or not) includes those words.
  std::size_t extend_group_name(std::size_t first, const NameMatch& match) const {
    const bool groups = std::all_of(match.entries.begin(), match.entries.end(), [this](const NameEntry* e) {
      return e->target.type == EntityType::Actor &&
             tagger.gazetteer_.actors()[e->target.index].kind == ActorKind::ThreatGroup;
    });
    if (!groups) return match.length;
    std::size_t length = match.length;
    const auto next_is = [&](const auto& accept) {
      const Token* next = following(first, length);
      return next != nullptr && only_spaces(gap(buffer[first + length - 1], *next)) && accept(next->term);
    };
    const bool ransomware = next_is([](const std::string& term) { return term == "ransomware"; });
    if (ransomware) ++length;
    if (next_is([](const std::string& term) { return is_group_suffix(term); })) return length + 1;
    return ransomware ? length - 1 : length;
  }

  // A name glued to a path separator is a component of a path, a registry key or a user agent
  // ("SOFTWARE\Microsoft\Windows", "%APPDATA%\Microsoft", "Mozilla/5.0"), not a mention.
  // A slash between names is the usual alias notation ("Midnight Blizzard/NOBELIUM"), so only a
  // backslash, or a slash before a version number, marks a path.
  bool in_path(std::size_t first, std::size_t length) const {
    const std::size_t begin = buffer[first].begin;
    const std::size_t end = buffer[first + length - 1].end;
    const bool version =
        end + 1 < text.size() && text[end] == '/' && text[end + 1] >= '0' && text[end + 1] <= '9';
    return (begin > 0 && text[begin - 1] == '\\') || (end < text.size() && text[end] == '\\') || version;
  }

  // Candidates for every entry of a match of `length` tokens at `first`.
  void record_match(std::size_t first, const NameMatch& match, std::size_t length) {
    if (in_path(first, match.length)) return;
    for (const NameEntry* entry : match.entries) {
      if (entry->role == NameRole::Capital && !tagger.options_.capitals) continue;
      if (names_something_else(*entry, first, match.length)) continue;
      // A name shared by several entities of one type ("Dutch": NL or BQ) is as uncertain as a
      // weak one: it counts only for an entity the document names unambiguously elsewhere.
      const bool ambiguous =
          std::any_of(match.entries.begin(), match.entries.end(), [entry](const NameEntry* e) {
            return e->target.type == entry->target.type && !(e->target == entry->target);
          });
      Certainty certainty = ambiguous     ? Certainty::Ambiguous
                            : entry->weak ? Certainty::Weak
                                          : Certainty::Strong;
      // "the Hive gang", "Bitter used": an English word capitalised inside a sentence is a name.
      if (certainty == Certainty::Weak && entry->common_word && capitalized(buffer[first]) &&
          !starts_sentence(first) && !glued(first, length)) {
        certainty = Certainty::Strong;
      }
      add_candidate(entry->target.type, id_of(entry->target), first, length, certainty, entry->role);
      if (certainty == Certainty::Weak && entry->case_rule == CaseRule::Exact &&
          entry->target.type == EntityType::Actor) {
        candidates.back().country_support = tagger.gazetteer_.actors()[entry->target.index].country;
      }
    }
  }

  // Decides on the token at `cursor` and advances past what it consumed.
  void step() {
    const std::size_t i = cursor;
    const bool listed = at_listed_name(i);
    if (const auto match = tagger.matcher_.longest_match(text, buffer, i)) {
      const std::size_t length = extend_group_name(i, *match);
      const std::size_t before = candidates.size();
      record_match(i, *match, length);
      for (std::size_t k = 0; k < length; ++k)
        note_context(i + k);
      cursor += length;
      if (listed) list_group(before, i + length - 1);
      return;
    }
    note_context(i);
    ++cursor;
    if (listed && read_listed_name(i)) return;
    if (list && listed) close_list();
    if (open_list(i)) return;
    const std::string acronym(surface(buffer[i]));
    if (const auto local = local_acronyms.find(acronym); local != local_acronyms.end()) {
      add_candidate(local->second.first, local->second.second, i, 1, Certainty::Strong, NameRole::Name);
      return;
    }
    if (local_name(i)) return;
    if (const std::size_t length = threat_group_code(text, buffer, i); length > 0) {
      define_code_named_group(i, length);
      return;
    }
    define_acronym(i);
  }

  bool is_group(const Candidate& c) const {
    if (c.type != EntityType::Actor) return false;
    if (const Actor* actor = tagger.gazetteer_.actor(c.id)) return actor->kind == ActorKind::ThreatGroup;
    return std::any_of(defined.begin(), defined.end(),
                       [&](const Actor& a) { return a.id == c.id && a.kind == ActorKind::ThreatGroup; });
  }

  // True when token `i` is where the open list expects its next name; a list whose next name
  // did not come is closed.
  bool at_listed_name(std::size_t i) {
    if (!list) return false;
    if (base + i == list->expect) return true;
    if (base + i > list->expect) close_list();
    return false;
  }

  // The list goes on after its last name (buffer index `last`), or ends there.
  void advance_list(std::size_t last) {
    if (const auto next = next_listed_name(text, buffer, last)) {
      list->expect = base + last + *next;
    } else {
      close_list();
    }
  }

  // A gazetteer name inside a list: a known group's name tells whose the other names are; any
  // other entity ends the list.
  void list_group(std::size_t first_candidate, std::size_t last) {
    if (candidates.size() != first_candidate + 1 || !is_group(candidates.back())) {
      close_list();
      return;
    }
    if (list->group.empty()) list->group = candidates.back().id;
    advance_list(last);
  }

  // A name no gazetteer knows, or a vendor's code, at the place of a list's next name. A code
  // listed after a known group is one more name of it ("APT29 (aka UAC-0004)").
  bool read_listed_name(std::size_t i) {
    const std::size_t code = threat_group_code(text, buffer, i);
    if (code > 0 && list->group.empty()) {
      define_code_named_group(i, code);
      list->group = candidates.back().id;
      advance_list(i + code - 1);
      return true;
    }
    const std::size_t length = code > 0 ? code : listed_name_length(text, buffer, i);
    if (length == 0) return false;
    list->names.push_back(pending_name(i, length));
    for (std::size_t k = 1; k < length; ++k)
      note_context(i + k);
    cursor = i + length;
    advance_list(i + length - 1);
    return true;
  }

  std::pair<Candidate, std::vector<std::string>> pending_name(std::size_t first, std::size_t length) {
    std::vector<std::string> terms;
    for (std::size_t k = first; k < first + length; ++k)
      terms.push_back(buffer[k].term);
    const std::string_view name =
        text.substr(buffer[first].begin, buffer[first + length - 1].end - buffer[first].begin);
    return {Candidate{EntityType::Actor,
                      {},
                      base + first,
                      base + first + length - 1,
                      Certainty::Strong,
                      false,
                      NameRole::Name,
                      collapse_spaces(name),
                      {}},
            std::move(terms)};
  }

  // A group named by a vendor's code that no gazetteer lists yet ("TA574", "Storm-0558").
  void define_code_named_group(std::size_t first, std::size_t length) {
    const std::string name = collapse_spaces(
        text.substr(buffer[first].begin, buffer[first + length - 1].end - buffer[first].begin));
    const std::string id = define_group(name, {});
    add_candidate(EntityType::Actor, id, first, length, Certainty::Strong, NameRole::Name);
    cursor = first + length;
  }

  // The id of a threat group the report names and no gazetteer lists, defined on first use.
  std::string define_group(const std::string& name, std::vector<std::string> aliases) {
    std::string id;
    for (char c : name)
      id.push_back(std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-');
    if (tagger.gazetteer_.actor(id) == nullptr &&
        std::none_of(defined.begin(), defined.end(), [&](const Actor& a) { return a.id == id; })) {
      defined.push_back({id, name, ActorKind::ThreatGroup, {}, std::move(aliases)});
    }
    return id;
  }

  // "APT40, also known as ...", "Foo (aka APT28 ...", "a threat actor known as ...", "the group
  // “...”": starts reading an alias list. The phrase's words are consumed.
  bool open_list(std::size_t i) {
    if (is_group_word(buffer[i].term) && i + 1 < buffer.size() &&
        quotes_name(gap(buffer[i], buffer[i + 1]))) {
      list = OpenList{ListAnchor::GroupWord, base + i + 1, {}, {}};
      return true;
    }
    const auto trigger = list_trigger(text, buffer, i);
    if (!trigger || i == 0) return false;
    std::optional<bool> named_group;
    if (!candidates.empty() && candidates.back().last == base + i - 1) {
      const Candidate& named = candidates.back();
      const bool one = candidates.size() < 2 || candidates[candidates.size() - 2].last != named.last;
      named_group = one && !named.blocked && is_group(named);
    }
    OpenList opened{
        list_anchor(text, buffer, i, trigger->naming, named_group), base + i + trigger->length, {}, {}};
    if (opened.anchor == ListAnchor::None) return false;
    if (opened.anchor == ListAnchor::Group) opened.group = candidates.back().id;
    if (opened.anchor == ListAnchor::Name) {
      const std::size_t first = name_before(text, buffer, i);
      opened.names.push_back(pending_name(first, i - first));
    }
    for (std::size_t k = i + 1; k < i + trigger->length; ++k)
      note_context(k);
    cursor = i + trigger->length;
    list = std::move(opened);
    return true;
  }

  // At the end of a list, its unknown names become candidates for the known group it named, or,
  // after a group word, for a new group named by the first of them.
  void close_list() {
    OpenList closed = std::move(*list);
    list.reset();
    if (closed.names.empty()) return;
    std::string id = closed.group;
    if (id.empty() && closed.anchor != ListAnchor::GroupWord) return;
    if (id.empty()) {
      std::vector<std::string> aliases;
      for (std::size_t k = 1; k < closed.names.size(); ++k)
        aliases.push_back(closed.names[k].first.surface);
      id = define_group(closed.names.front().first.surface, std::move(aliases));
    }
    for (auto& [candidate, terms] : closed.names) {
      candidate.id = id;
      candidates.push_back(std::move(candidate));
      listed_names.remember(std::move(terms), id);
    }
  }

  // A later mention of a name an alias list gave a group.
  bool local_name(std::size_t i) {
    const auto found = listed_names.find(text, buffer, i);
    if (!found) return false;
    add_candidate(EntityType::Actor, found->first, i, found->second, Certainty::Strong, NameRole::Name);
    for (std::size_t k = 1; k < found->second; ++k)
      note_context(i + k);
    cursor = i + found->second;
    return true;
  }

  // "Long Name (ACR)": later "ACR" mentions count for the long name's entity.
  void define_acronym(std::size_t i) {
    const auto definition = find_acronym_definition(text, buffer, i);
    if (!definition) return;
    const std::string acronym(surface(buffer[i]));
    const std::size_t name_first = base + definition->first;
    if (!candidates.empty() && candidates.back().last == base + i - 1 &&
        candidates.back().first >= name_first) {
      const Candidate named = candidates.back();
      local_acronyms[acronym] = {named.type, named.id};
      add_candidate(named.type, named.id, i, 1, Certainty::Strong, NameRole::Name);
      return;
    }
    if (!definition->names_organisation) return;
    Actor actor{definition->id, definition->name, ActorKind::Unknown, {}, {acronym}};
    local_acronyms[acronym] = {EntityType::Actor, actor.id};
    add_candidate(EntityType::Actor, actor.id, definition->first, i - definition->first, Certainty::Strong,
                  NameRole::Name);
    add_candidate(EntityType::Actor, actor.id, i, 1, Certainty::Strong, NameRole::Name);
    if (std::none_of(defined.begin(), defined.end(), [&](const Actor& a) { return a.id == actor.id; })) {
      defined.push_back(std::move(actor));
    }
  }

  void run(bool final) {
    const std::size_t lookahead = tagger.matcher_.max_length() + 1;
    while (cursor < buffer.size() && (final || buffer.size() - cursor > lookahead))
      step();
    if (final && list) close_list();
    if (cursor > 4 * kHistory) {
      const std::size_t drop = cursor - kHistory;
      buffer.erase(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(drop));
      base += drop;
      cursor -= drop;
    }
  }

  bool has_context(const Candidate& candidate) const {
    const auto& positions = candidate.type == EntityType::Actor ? actor_context : country_context;
    const std::size_t from = candidate.first > kContextWords ? candidate.first - kContextWords : 0;
    const auto it = std::lower_bound(positions.begin(), positions.end(), from);
    return it != positions.end() && *it <= candidate.last + kContextWords;
  }

  DocumentEntities resolve() {
    std::unordered_set<std::string> strong;
    for (const Candidate& c : candidates) {
      if (c.certainty == Certainty::Strong) strong.insert(key_of(c.type, c.id));
    }
    std::map<std::string, EntityMentions> countries;
    std::map<std::string, EntityMentions> actors;
    for (const Candidate& c : candidates) {
      const bool supported = strong.contains(key_of(c.type, c.id));
      if (c.blocked) continue;
      const bool country_named =
          !c.country_support.empty() && strong.contains(key_of(EntityType::Country, c.country_support));
      if (c.certainty == Certainty::Weak && !supported && !has_context(c) && !country_named) continue;
      if (c.certainty == Certainty::Ambiguous && !supported) continue;
      EntityMentions& m = (c.type == EntityType::Country ? countries : actors)[c.id];
      m.id = c.id;
      ++m.mentions;
      m.surfaces.insert(c.surface);
    }
    DocumentEntities result{sorted(countries), sorted(actors), {}};
    for (Actor& actor : defined) {
      if (actors.contains(actor.id)) result.defined_actors.push_back(std::move(actor));
    }
    return result;
  }
};

EntityTagger::EntityTagger(const Gazetteer& gazetteer, const Analyzer& analyzer, TaggerOptions options)
    : gazetteer_(gazetteer), analyzer_(analyzer), options_(options), matcher_(gazetteer, analyzer) {}

EntityTagger::~EntityTagger() = default;

std::unique_ptr<EntityTagger::Session> EntityTagger::start(std::string_view text) const {
  return std::make_unique<Session>(*this, text);
}

DocumentEntities EntityTagger::tag(std::string_view text) const {
  Session session(*this, text);
  analyzer_.for_each_token(text, "none", [&session](const Token& token) { session.feed(token); });
  return session.finish();
}

EntityTagger::Session::Session(const EntityTagger& tagger, std::string_view text)
    : state_(std::make_unique<State>(State{tagger, text, {}, 0, 0, {}, {}, {}, {}, {}, {}, {}})) {}

EntityTagger::Session::~Session() = default;

void EntityTagger::Session::feed(const Token& token) {
  if (token.role != TokenRole::Primary) return;
  state_->buffer.push_back(token);
  state_->run(false);
}

DocumentEntities EntityTagger::Session::finish() {
  state_->run(true);
  return state_->resolve();
}

}  // namespace dossier::analysis
