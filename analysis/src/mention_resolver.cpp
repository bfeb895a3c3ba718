#include "mention_resolver.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_set>

namespace dossier::analysis {
namespace {

// How far (in words) a context word may stand from a weak name.
constexpr std::size_t kContextWords = 4;

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
  const std::size_t from = candidate.first > kContextWords ? candidate.first - kContextWords : 0;
  const auto it = std::lower_bound(positions.begin(), positions.end(), from);
  return it != positions.end() && *it <= candidate.last + kContextWords;
}

}  // namespace

DocumentEntities resolve_mentions(SessionFindings findings) {
  std::unordered_set<std::string> strong;
  for (const Candidate& c : findings.candidates) {
    if (c.certainty == Certainty::Strong && !c.blocked) strong.insert(key_of(c.type, c.id));
  }
  std::map<std::string, EntityMentions> countries;
  std::map<std::string, EntityMentions> actors;
  for (const Candidate& c : findings.candidates) {
    if (c.blocked) continue;
    const bool supported = strong.contains(key_of(c.type, c.id));
    const bool country_named =
        !c.country_support.empty() && strong.contains(key_of(EntityType::Country, c.country_support));
    if (c.certainty == Certainty::Weak && !supported && !has_context(c, findings) && !country_named) continue;
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
