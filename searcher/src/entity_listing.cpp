#include "dossier/searcher/entity_listing.h"

#include <algorithm>
#include <set>

#include "dossier/analysis/entity_metadata.h"
#include "dossier/analysis/schema.h"

namespace dossier::searcher {
namespace {

namespace schema = analysis::schema;

// The ids stored under every alias key of `shards` that starts with `key_prefix`.
std::set<std::string> ids_with_prefix(const std::vector<Xapian::Database>& shards,
                                      const std::string& key_prefix) {
  std::set<std::string> ids;
  for (const Xapian::Database& shard : shards) {
    for (auto it = shard.metadata_keys_begin(key_prefix); it != shard.metadata_keys_end(key_prefix); ++it) {
      for (std::string& id : schema::decode_set(shard.get_metadata(*it)))
        ids.insert(std::move(id));
    }
  }
  return ids;
}

}  // namespace

std::vector<FacetValue> list_entities(const Xapian::Database& database,
                                      const std::vector<Xapian::Database>& shards,
                                      const EntityDirectory& directory, const EntityListRequest& request) {
  const bool countries = request.type == EntityType::Country;
  const std::string key_prefix =
      std::string(countries ? schema::kCountryAliasKeyPrefix : schema::kActorAliasKeyPrefix) +
      analysis::alias_key(request.prefix);
  const std::string_view term_prefix = countries ? schema::kCountryPrefix : schema::kActorPrefix;
  std::vector<FacetValue> values;
  for (const std::string& id : ids_with_prefix(shards, key_prefix)) {
    // Names of entities no document names are of no use to a filter.
    const std::size_t count = database.get_termfreq(schema::prefixed(term_prefix, id));
    if (count == 0) continue;
    if (countries) {
      values.push_back({id, directory.country_name(id), count, analysis::ActorKind::Unknown, {}});
      continue;
    }
    const analysis::Actor actor = directory.actor(id);
    if (request.kind && actor.kind != *request.kind) continue;
    values.push_back({id, actor.name, count, actor.kind, actor.country});
  }
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  if (request.limit > 0 && values.size() > request.limit) values.resize(request.limit);
  return values;
}

}  // namespace dossier::searcher
