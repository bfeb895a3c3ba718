/// \file
/// How entity names and aliases are kept in a database's metadata, so that a search can show
/// names and resolve `--country Norge` or `--actor MSS` without loading a gazetteer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/analysis/entity.h"
#include "dossier/analysis/gazetteer.h"

namespace dossier::analysis {

/// One metadata entry: key and value.
using MetadataEntry = std::pair<std::string, std::string>;

/// The key under which a name typed by a user is looked up: case, accents and runs of white
/// space folded ("People’s  Republic" -> "people's republic").
std::string alias_key(std::string_view name);

/// Every entry describing `gazetteer`: each country's name; each actor's name, kind and country;
/// each country code, name, alias and demonym and each actor id, name and alias under its
/// `alias_key`; and for each actor the sorted list of those keys (`kActorNamesKeyPrefix`). Names whose key
/// would be too long for Xapian are left out. Deterministic order.
std::vector<MetadataEntry> gazetteer_metadata(const Gazetteer& gazetteer);

/// The entries for one actor (used for actors defined in a report, kind `unknown`).
std::vector<MetadataEntry> actor_metadata(const Actor& actor);

/// Decodes the value stored under `kActorKeyPrefix` + `id`.
std::optional<Actor> parse_actor_metadata(std::string_view id, std::string_view value);

}  // namespace dossier::analysis
