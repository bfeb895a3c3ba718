/// \file
/// Renders search results for people (terminal text) and for scripts (JSON, JSON lines, paths).
/// The JSON shape is an interface documented in DESIGN.md: add fields, never rename or remove one.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dossier/searcher/searcher.h"

namespace dossier::searcher {

/// Version of the JSON output's shape, in its `"version"` field; raised only if a field ever had
/// to change meaning (fields are added without raising it).
inline constexpr int kJsonVersion = 1;

/// How text output looks.
struct TextStyle {
  bool color = false;                    ///< ANSI bold/colour (only when writing to a terminal)
  std::filesystem::path base_directory;  ///< paths under it are shown relative to it
  bool facets = false;                   ///< append the country and actor facet tables
  bool explain = false;                  ///< show the parsed query and each hit's matching terms
  /// Columns of the terminal: headlines and snippets are wrapped to it by display width (East
  /// Asian wide characters count two), at line break opportunities (ICU, UAX #14); 0 (a pipe):
  /// one line per headline and a snippet on at most two lines. Widths below 20 count as 20.
  std::size_t width = 0;
};

/// Human-readable results. Per hit one line "rank. title · date · path · countries · actors"
/// (`p. N` after the path for a PDF; at most `kShownCountries` country codes and `kShownActors`
/// actors, each list then "+N"), then the snippet
/// on at most two lines, matched words bold red when `style.color`; with `style.width`, the
/// headline and the snippet wrapped to it instead (continued headline lines indented two columns
/// past the rank's "N. ", snippet lines by three spaces). Titles, paths, names and
/// snippets pass through `analysis::printable`, so no byte from a document reaches the terminal
/// as a control code. With `style.explain`, the parsed and the Xapian query come first and each
/// hit is followed by its terms and weights; with `style.facets`, tables of the top countries,
/// actors, years, languages and types with their document counts follow. Returns "" when there
/// are no hits (and nothing else was asked for).
std::string format_text(const SearchResult& result, const TextStyle& style);

/// What to say after a page of hits on a terminal: "1-10 of 28 (next: --offset 10)" when more
/// follow, "21-28 of 28" on the last page, "1 match" or "28 matches" when no hit is on the page
/// (an offset past the end, or a limit of 0), "no matches" for none. Ends with a line break.
std::string format_page_footer(const SearchResult& result);

/// Actors shown on a hit's line before "+N more".
inline constexpr std::size_t kShownActors = 3;

/// Country codes shown on a hit's line before "+N more" (a report listing a region's every state
/// would otherwise fill the line).
inline constexpr std::size_t kShownCountries = 8;

/// Which fields a facet value has in JSON.
enum class FacetFields {
  Plain,  ///< `{"value", "name", "count"}`: countries, years, languages, types
  Actor,  ///< `{"value", "name", "kind", "country", "count"}`
};

/// Facet values (or entity counts: `dossier stats`, `GET /api/entities`) as a JSON array.
nlohmann::ordered_json facet_values_json(const std::vector<FacetValue>& values, FacetFields fields);

/// One JSON object:
/// `{"version": 1, "query": "...", "total": N, "offset": K, "suggestion": null, "hits": [{"rank": 1,
/// "id": 42, "score": 12.3, "path": "...", "title": "...", "snippet": "...", "countries": ["CN"], "actors":
/// ["Ministry of State Security"], ..., "matched_aliases": []}], "facets": {...}}`; with
/// `SearchRequest::explain`, `"explain": {"parsed", "xapian"}` and per hit `"explain": [{"term",
/// "weight"}]`. The snippet is HTML-escaped text (`&amp;`, `&lt;`, `&gt;`) with each matched word
/// wrapped in `<b>` and `</b>`. Strings are valid UTF-8 (bad bytes in paths become U+FFFD).
/// `facets` is always present.
std::string format_json(const SearchResult& result);

/// The object `format_json` prints, for callers that add fields to it (the HTTP API adds
/// `"took_ms"`). With `SearchRequest::timeline` it has `"timeline": {"months": [{"value":
/// "2024-03", "count"}], "years": [{"value": "2023", "count"}], "undated": N}`.
nlohmann::ordered_json search_result_json(const SearchResult& result);

/// JSON lines: each hit as its own object (the fields of a hit in `format_json`), one per line.
std::string format_json_lines(const SearchResult& result);

/// One path per line, as stored (any bytes but newline) when `raw`, else through
/// `analysis::printable` (for a terminal).
std::string format_paths(const SearchResult& result, bool raw);

/// How `format_path` writes one path.
enum class PathStyle {
  Printable,  ///< through `analysis::printable`, then a newline (for a terminal)
  Lines,      ///< the stored bytes, then a newline; a path holding a newline is made printable
  Null,       ///< the stored bytes exactly, then a NUL byte (`xargs -0`): any path, unchanged
};

/// One hit's path as `style` says, with its terminator: for printing hits as they come.
std::string format_path(const SearchHit& hit, PathStyle style);

/// One hit as one JSON line (the object `format_json` lists under "hits", with its "explain" terms
/// when `explain`), newline included: for printing hits as they come.
std::string format_json_line(const SearchHit& hit, bool explain);

}  // namespace dossier::searcher
