#include "dossier/searcher/facets.h"

#include <algorithm>
#include <map>

#include "dossier/analysis/language.h"
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

FacetCounter::FacetCounter()
    : countries_(schema::kCountriesSlot),
      actors_(schema::kActorsSlot),
      years_(schema::kYearSlot),
      languages_(schema::kLanguageSlot),
      types_(schema::kFormatSlot) {}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (Xapian::ValueCountMatchSpy* spy : {&countries_, &actors_, &years_, &languages_, &types_}) {
    enquire.add_matchspy(spy);
  }
}

Facets FacetCounter::result(const EntityDirectory& directory, std::size_t limit,
                            const std::vector<analysis::ActorKind>& actor_kinds) const {
  Facets facets;
  for (const auto& [code, count] : member_counts(countries_)) {
    facets.countries.push_back({code, directory.country_name(code), count, analysis::ActorKind::Unknown, {}});
  }
  for (const auto& [id, count] : member_counts(actors_)) {
    const analysis::Actor actor = directory.actor(id);
    const bool wanted = actor_kinds.empty() ||
                        std::find(actor_kinds.begin(), actor_kinds.end(), actor.kind) != actor_kinds.end();
    if (wanted) facets.actors.push_back({id, actor.name, count, actor.kind, actor.country});
  }
  for (auto it = years_.values_begin(); it != years_.values_end(); ++it) {
    facets.years.push_back({*it, *it, it.get_termfreq(), analysis::ActorKind::Unknown, {}});
  }
  for (auto it = languages_.values_begin(); it != languages_.values_end(); ++it) {
    facets.languages.push_back(
        {*it, analysis::language_name(*it), it.get_termfreq(), analysis::ActorKind::Unknown, {}});
  }
  for (auto it = types_.values_begin(); it != types_.values_end(); ++it) {
    facets.types.push_back({*it, *it, it.get_termfreq(), analysis::ActorKind::Unknown, {}});
  }
  sort_and_cut(facets.countries, limit);
  sort_and_cut(facets.actors, limit);
  sort_and_cut(facets.languages, limit);
  sort_and_cut(facets.types, limit);
  // A timeline reads newest first.
  std::sort(facets.years.begin(), facets.years.end(),
            [](const FacetValue& a, const FacetValue& b) { return a.value > b.value; });
  if (limit > 0 && facets.years.size() > limit) facets.years.resize(limit);
  return facets;
}

}  // namespace dossier::searcher
