/// \file
/// Keeping the actors of some kinds (threat groups, agencies) and the documents that name them,
/// for analysts who want the groups without the vendors and platforms every report mentions.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "dossier/analysis/entity.h"
#include "dossier/searcher/entity_directory.h"

namespace dossier::searcher {

/// The kinds `names` name (`analysis::actor_kind_name`: "threat-group", "intelligence-agency"...),
/// in the order given, each once. Throws `UnknownEntityError` naming every kind for any other name.
std::vector<analysis::ActorKind> parse_actor_kinds(const std::vector<std::string>& names);

/// The documents of `database` that name at least one actor of any of `kinds`: the `XA` terms of
/// the actors the index holds whose kind (`EntityDirectory::actor`) is one of them, ORed (a filter:
/// use it where it adds no weight, as `OP_FILTER` does); when no indexed actor has one of the
/// kinds, a query (not empty) that matches nothing. One metadata lookup per actor the index names.
Xapian::Query actor_kind_query(const Xapian::Database& database, const EntityDirectory& directory,
                               const std::vector<analysis::ActorKind>& kinds);

}  // namespace dossier::searcher
