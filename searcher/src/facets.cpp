#include "dossier/searcher/facets.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "dossier/analysis/language.h"
#include "dossier/analysis/schema.h"

namespace dossier::searcher {
namespace {

namespace schema = analysis::schema;

using Counts = std::map<std::string, std::size_t>;

// Distinct value -> matches, as a spy counted them.
Counts spy_counts(const Xapian::ValueCountMatchSpy& spy) {
  Counts counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
    counts.emplace(*it, it.get_termfreq());
  return counts;
}

// Distinct value -> matches, for the documents `ids` (ascending), read from `slot`'s value stream:
// each chunk of values is decoded once, where a spy looks each value up on its own.
Counts stream_counts(const Xapian::Database& database, Xapian::valueno slot,
                     const std::vector<Xapian::docid>& ids) {
  Counts counts;
  Xapian::ValueIterator value = database.valuestream_begin(slot);
  const Xapian::ValueIterator end = database.valuestream_end(slot);
  for (const Xapian::docid id : ids) {
    if (value == end) break;
    if (value.get_docid() < id) value.skip_to(id);
    if (value == end) break;
    if (value.get_docid() == id) ++counts[*value];
  }
  return counts;
}

// Adds each set's count to each member of the set.
Counts member_counts(const Counts& sets) {
  Counts counts;
  for (const auto& [set, count] : sets) {
    for (std::string& member : schema::decode_set(set))
      counts[std::move(member)] += count;
  }
  return counts;
}

// The year, language and type counts and the period counts of the timeline, summed over the
// distinct facet keys.
struct KeyCounts {
  Counts years, languages, types, periods;
};

KeyCounts key_counts(const Counts& values) {
  KeyCounts counts;
  for (const auto& [value, count] : values) {
    const schema::FacetKey key = schema::decode_facet_key(value);
    int year = 0;
    const char* digits = key.period.data();
    if (key.period.size() >= 4 && std::from_chars(digits, digits + 4, year).ptr == digits + 4) {
      counts.years[std::to_string(year)] += count;  // unpadded, as years are written elsewhere
    }
    if (!key.period.empty()) counts.periods[key.period] += count;
    if (!key.language.empty()) counts.languages[key.language] += count;
    if (!key.format.empty()) counts.types[key.format] += count;
  }
  return counts;
}

bool before(const FacetValue& a, const FacetValue& b) {
  return a.count != b.count ? a.count > b.count : a.name < b.name;
}

// The values `limit` shows (0: all), most counted first, then by name: names are looked up (by
// `name`, which fills a value's name and may fill more) only for values counted at least as often
// as the last one shown, since ties are ordered by name. A facet over a broad search has hundreds
// of actors; a page shows ten.
template <typename Name>
std::vector<FacetValue> shown(const Counts& counts, std::size_t limit, Name name) {
  std::vector<FacetValue> values;
  values.reserve(counts.size());
  for (const auto& [value, count] : counts)
    values.push_back({value, {}, count, analysis::ActorKind::Unknown, {}});
  if (limit > 0 && values.size() > limit) {
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(limit - 1), values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    const std::size_t last_shown = values[limit - 1].count;
    std::erase_if(values, [last_shown](const FacetValue& v) { return v.count < last_shown; });
  }
  for (FacetValue& value : values)
    name(value);
  std::sort(values.begin(), values.end(), before);
  if (limit > 0 && values.size() > limit) values.resize(limit);
  return values;
}

}  // namespace

void FacetCounter::MatchedDocuments::operator()(const Xapian::Document& document, double /*weight*/) {
  ids.push_back(document.get_docid());
}

FacetCounter::FacetCounter(FacetSource source)
    : source_(source),
      countries_(schema::kCountriesSlot),
      actors_(schema::kActorsSlot),
      keys_(schema::kFacetKeySlot) {}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  if (source_ == FacetSource::ValueStreams) {
    enquire.add_matchspy(&matched_);
    return;
  }
  for (Xapian::ValueCountMatchSpy* spy : {&countries_, &actors_, &keys_})
    enquire.add_matchspy(spy);
}

void FacetCounter::count(const Xapian::Database& database) {
  if (source_ == FacetSource::MatchSpies) {
    country_sets_ = spy_counts(countries_);
    actor_sets_ = spy_counts(actors_);
    key_values_ = spy_counts(keys_);
    return;
  }
  // The match visits documents in id order, but a sorted copy costs little and assumes nothing.
  std::vector<Xapian::docid>& ids = matched_.ids;
  std::sort(ids.begin(), ids.end());
  country_sets_ = stream_counts(database, schema::kCountriesSlot, ids);
  actor_sets_ = stream_counts(database, schema::kActorsSlot, ids);
  key_values_ = stream_counts(database, schema::kFacetKeySlot, ids);
}

Facets FacetCounter::result(const EntityDirectory& directory, std::size_t limit,
                            const std::vector<analysis::ActorKind>& actor_kinds) const {
  Facets facets;
  facets.countries = shown(member_counts(country_sets_), limit,
                           [&directory](FacetValue& v) { v.name = directory.country_name(v.value); });
  const auto name_actor = [&directory](FacetValue& v) {
    analysis::Actor actor = directory.actor(v.value);
    v.name = std::move(actor.name);
    v.kind = actor.kind;
    v.country = std::move(actor.country);
  };
  if (actor_kinds.empty()) {
    facets.actors = shown(member_counts(actor_sets_), limit, name_actor);
  } else {
    // The kinds filter before the limit: every actor's kind is needed.
    facets.actors = shown(member_counts(actor_sets_), 0, name_actor);
    std::erase_if(facets.actors, [&actor_kinds](const FacetValue& v) {
      return std::find(actor_kinds.begin(), actor_kinds.end(), v.kind) == actor_kinds.end();
    });
    if (limit > 0 && facets.actors.size() > limit) facets.actors.resize(limit);
  }
  const KeyCounts keys = key_counts(key_values_);
  facets.languages =
      shown(keys.languages, limit, [](FacetValue& v) { v.name = analysis::language_name(v.value); });
  facets.types = shown(keys.types, limit, [](FacetValue& v) { v.name = v.value; });
  // A timeline reads newest first.
  for (auto it = keys.years.rbegin(); it != keys.years.rend(); ++it)
    facets.years.push_back({it->first, it->first, it->second, analysis::ActorKind::Unknown, {}});
  if (limit > 0 && facets.years.size() > limit) facets.years.resize(limit);
  return facets;
}

Timeline FacetCounter::timeline(std::size_t total) const {
  return timeline_of(key_counts(key_values_).periods, total);
}

}  // namespace dossier::searcher
