#include "dossier/searcher/facets.h"

#include <algorithm>
#include <map>

#include "dossier/analysis/schema.h"

namespace dossier::searcher {
namespace {

namespace schema = analysis::schema;

// Adds each set's count to each member of the set.
std::map<std::string, std::size_t> member_counts(const Xapian::ValueCountMatchSpy& spy) {
  std::map<std::string, std::size_t> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    for (std::string& member : schema::decode_set(*it))
      counts[std::move(member)] += it.get_termfreq();
  }
  return counts;
}

void sort_and_cut(std::vector<FacetValue>& values, std::size_t limit) {
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  if (limit > 0 && values.size() > limit) values.resize(limit);
}

}  // namespace

FacetCounter::FacetCounter() : countries_(schema::kCountriesSlot), actors_(schema::kActorsSlot) {}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  enquire.add_matchspy(&countries_);
  enquire.add_matchspy(&actors_);
}

Facets FacetCounter::result(const EntityDirectory& directory, std::size_t limit) const {
  Facets facets;
  for (const auto& [code, count] : member_counts(countries_)) {
    facets.countries.push_back({code, directory.country_name(code), count, analysis::ActorKind::Unknown, {}});
  }
  for (const auto& [id, count] : member_counts(actors_)) {
    const analysis::Actor actor = directory.actor(id);
    facets.actors.push_back({id, actor.name, count, actor.kind, actor.country});
  }
  sort_and_cut(facets.countries, limit);
  sort_and_cut(facets.actors, limit);
  return facets;
}

}  // namespace dossier::searcher
