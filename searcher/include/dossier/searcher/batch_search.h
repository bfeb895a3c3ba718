/// \file
/// Runs many queries with the same filters (`dossier search --batch FILE`): one query per line.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/searcher/result_format.h"
#include "dossier/searcher/searcher.h"

namespace dossier::searcher {

/// One query of a batch and where it stands.
struct BatchQuery {
  std::size_t line = 0;  ///< 1-based line number in the batch text
  std::string query;     ///< the line without surrounding spaces
};

/// The queries of `text`: each line that is not blank and does not start with `#` (after spaces),
/// trimmed of spaces, tabs and a final carriage return.
std::vector<BatchQuery> parse_batch(std::string_view text);

/// What one query of a batch gave.
struct BatchAnswer {
  BatchQuery query;
  SearchResult result;  ///< empty when `error` is set
  std::string error;    ///< "" when the query ran; else why not (a syntax error, an unknown name)
};

/// Calls `search` (one query of a batch) and returns "" when it ran, else why not: the message of
/// a `QuerySyntaxError`, `UnknownEntityError` or `SearchTimeoutError`, which are the query's own
/// failures. Anything else (the index failing) is thrown on.
std::string query_failure(const std::function<void()>& search);

/// Runs each query as `base` with its query text replaced, in order. A query that fails (bad
/// syntax, an unknown country) gets its `error` and the batch goes on; a failure of the index
/// itself (`SearchError` that is no query's fault) is thrown.
std::vector<BatchAnswer> run_batch(Searcher& searcher, const SearchRequest& base,
                                   const std::vector<BatchQuery>& queries);

/// Text: per query, "LINE: QUERY: N matches" ("1 match", "no matches") and its hits as
/// `format_text` shows them; a failed query "LINE: QUERY: error: REASON".
std::string format_batch_text(const std::vector<BatchAnswer>& answers, const TextStyle& style);

/// `{"version": 1, "queries": [{"line", "query", "total", "error" (null when it ran), "hits": [hit
/// objects as format_json's], "facets": {as format_json's, exact over the query's matches}}]}`.
std::string format_batch_json(const std::vector<BatchAnswer>& answers);

/// The header line of `format_batch_csv`, CRLF included.
inline constexpr std::string_view kBatchCsvHeader =
    "line,query,total,error,ids,paths,countries,actors,years,languages,types\r\n";

/// CSV (RFC 4180, CRLF line ends, text through `csv_field`): `kBatchCsvHeader`, then one row per
/// query: its line number, the query, its exact total ("" when it failed), the error ("" when it
/// ran), the ids of its hits in rank order joined by spaces, their paths in the same order joined
/// by line feeds (each through `analysis::printable`, so a path holds none), and per facet its top
/// values as `VALUE:COUNT` joined by "; " (country codes, actor names, years, language codes,
/// formats; as many as the request's `facet_limit`).
std::string format_batch_csv(const std::vector<BatchAnswer>& answers);

}  // namespace dossier::searcher
