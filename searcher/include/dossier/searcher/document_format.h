/// \file
/// One indexed document for scripts (`dossier show --json`, `GET /api/documents/ID`). The JSON
/// shape is an interface documented in DESIGN.md: add fields, never rename or remove one.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "dossier/searcher/searcher.h"

namespace dossier::searcher {

/// `{"version": 1, "path", "title", "format", "size", "modified", "author", "date", "language",
/// "description", "keywords", "url", "pages", "countries": [...], "actors": [...]}`: `modified` is
/// ISO 8601 UTC, unknown strings are null, `pages` is 0 for formats without pages, and the
/// entities have the fields of `analysis::to_json`. Strings are valid UTF-8 (bad bytes become
/// U+FFFD).
nlohmann::ordered_json document_json(const DocumentView& view);

/// "2024-03-06T10:00:00Z" for `ns` nanoseconds since the epoch.
std::string iso_utc_time(std::int64_t ns);

}  // namespace dossier::searcher
