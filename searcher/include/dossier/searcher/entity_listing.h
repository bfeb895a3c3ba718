/// \file
/// The countries and actors an index knows whose names start with some text, with how many
/// documents name each: for completing a filter as it is typed (`GET /api/entities`).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dossier/analysis/entity.h"
#include "dossier/searcher/entity_directory.h"
#include "dossier/searcher/facets.h"

namespace dossier::searcher {

/// Which entities to list.
enum class EntityType {
  Country,
  Actor,
};

/// What to list.
struct EntityListRequest {
  EntityType type = EntityType::Actor;
  std::optional<analysis::ActorKind> kind;  ///< actors of this kind only (ignored for countries)
  /// Any of the entity's names (code, id, name, alias, demonym) starts with this, compared as
  /// `analysis::alias_key` folds them ("nor" finds Norway and "Norwegian"); "" lists all.
  std::string prefix;
  std::size_t limit = 20;  ///< at most this many; 0 for all
};

/// The entities of `request` that at least one document of `database` names, most-named first
/// (then by name), each with its display name, kind and country (actors) and the number of
/// documents naming it (exact). The names come from `directory`, the shards' metadata, the counts
/// from the filter terms (`XC`, `XA`) of `database`, all shards together.
std::vector<FacetValue> list_entities(const Xapian::Database& database,
                                      const std::vector<Xapian::Database>& shards,
                                      const EntityDirectory& directory, const EntityListRequest& request);

}  // namespace dossier::searcher
