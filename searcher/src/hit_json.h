// The JSON of one hit and of facets, and how Dossier writes JSON out, shared by the search and watch formats.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "dossier/searcher/searcher.h"

namespace dossier::searcher {

/// Dossier's JSON objects keep their fields in the order written.
using Json = nlohmann::ordered_json;

/// One hit as the object `format_json` lists under "hits" (with its "explain" terms when `explain`).
Json hit_json(const SearchHit& hit, bool explain);

/// The "facets" object of `format_json`: country, actor, year, language and type counts.
Json facets_json(const Facets& facets);

/// `json` on one line; bad UTF-8 that got past the fields' repair is replaced, never thrown on.
std::string dump_json(const Json& json);

}  // namespace dossier::searcher
