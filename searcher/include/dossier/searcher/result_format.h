/// \file
/// Renders search results for people (terminal text) and for scripts (JSON). The JSON shape is an
/// interface documented in DESIGN.md: add fields, never rename or remove one.
#pragma once

#include <filesystem>
#include <string>

#include "dossier/searcher/searcher.h"

namespace dossier::searcher {

/// How text output looks.
struct TextStyle {
  bool color = false;                    ///< ANSI bold/colour (only when writing to a terminal)
  std::filesystem::path base_directory;  ///< paths under it are shown relative to it
  bool facets = false;                   ///< append the country and actor facet tables
};

/// Human-readable results: per hit a line "rank. title", the path, and the snippet; matched words
/// bold red when `style.color`, plain otherwise. Titles, paths and snippets are passed through
/// `analysis::printable`, so no byte from a document reaches the terminal as a control code.
/// With `style.facets`, tables of the top countries and actors with their document counts follow.
/// Returns "" when there are no hits (and no facets asked for).
std::string format_text(const SearchResult& result, const TextStyle& style);

/// One JSON object:
/// `{"query": "...", "total": N, "offset": K, "hits": [{"rank": 1, "score": 12.3, "path": "...",
/// "title": "...", "snippet": "...", "countries": ["CN"], "actors": ["Ministry of State Security"]}],
/// "facets": {"country": [{"value": "CN", "name": "China", "count": 2}], "actor": [{"value": "mss-cn",
/// "name": "...", "kind": "intelligence-agency", "country": "CN", "count": 2}]}}`. The snippet is
/// HTML-escaped text (`&amp;`, `&lt;`, `&gt;`) with each matched word wrapped in `<b>` and `</b>`.
/// Strings are valid UTF-8 (bad bytes in paths become U+FFFD). `facets` is always present.
std::string format_json(const SearchResult& result);

}  // namespace dossier::searcher
