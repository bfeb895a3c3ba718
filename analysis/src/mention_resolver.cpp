#include "mention_resolver.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_set>

namespace dossier::analysis {
namespace {

// How far (in words) a strong mention of an actor's country may stand from a weak acronym of the
// actor for it to count ("China's MSS", not TCP's "MSS clamping" pages after "China").
constexpr std::size_t kCountrySupportWords = 20;

std::vector<EntityMentions> sorted(std::map<std::string, EntityMentions>& by_id) {
  std::vector<EntityMentions> out;
  for (auto& [id, mentions] : by_id)
    out.push_back(std::move(mentions));
  std::stable_sort(out.begin(), out.end(),
                   [](const EntityMentions& a, const EntityMentions& b) { return a.mentions > b.mentions; });
  return out;
}

bool has_context(const Candidate& candidate, const SessionFindings& findings) {
  const auto& positions =
      candidate.type == EntityType::Actor ? findings.actor_context : findings.country_context;
  const std::size_t reach = candidate.context_words;
  const std::size_t from = candidate.first > reach ? candidate.first - reach : 0;
  const auto it = std::lower_bound(positions.begin(), positions.end(), from);
  return it != positions.end() && *it <= candidate.last + reach;
}

bool country_nearby(const Candidate& candidate, const std::vector<Candidate>& candidates) {
  return std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
    return c.type == EntityType::Country && c.certainty == Certainty::Strong && !c.blocked &&
           c.id == candidate.country_support && c.last + kCountrySupportWords >= candidate.first &&
           c.first <= candidate.last + kCountrySupportWords;
  });
}

}  // namespace

DocumentEntities resolve_mentions(SessionFindings findings) {
  // A strong mention, or a weak one with its own context word, supports the entity's other
  // weak and ambiguous mentions in the document.
  std::unordered_set<std::string> strong;
  for (const Candidate& c : findings.candidates) {
    if (c.blocked) continue;
    if (c.certainty == Certainty::Strong || (c.certainty == Certainty::Weak && has_context(c, findings)))
      strong.insert(key_of(c.type, c.id));
  }
  std::map<std::string, EntityMentions> countries;
  std::map<std::string, EntityMentions> actors;
  for (const Candidate& c : findings.candidates) {
    if (c.blocked) continue;
    const bool supported = strong.contains(key_of(c.type, c.id));
    const bool country_named = !c.country_support.empty() && country_nearby(c, findings.candidates);
    if (c.certainty == Certainty::Weak && !supported && !country_named) continue;
    if (c.certainty == Certainty::Ambiguous && !supported) continue;
    EntityMentions& m = (c.type == EntityType::Country ? countries : actors)[c.id];
    m.id = c.id;
    ++m.mentions;
    m.surfaces.insert(c.surface);
  }
  DocumentEntities result{sorted(countries), sorted(actors), {}};
  for (Actor& actor : findings.defined) {
    if (actors.contains(actor.id)) result.defined_actors.push_back(std::move(actor));
  }
  return result;
}

}  // namespace dossier::analysis
