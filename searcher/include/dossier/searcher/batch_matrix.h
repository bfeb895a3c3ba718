/// \file
/// Which document matches which query of a batch (`dossier search --batch FILE --batch-matrix`):
/// exact over every match, not a page of top hits.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "dossier/searcher/batch_search.h"
#include "dossier/searcher/searcher.h"

namespace dossier::searcher {

/// One document that matches at least one query of a batch.
struct MatrixRow {
  Xapian::docid id = 0;
  std::string path;  ///< as stored (may be non-UTF-8)
  std::vector<std::size_t>
      columns;  ///< the queries (indexes into `BatchMatrix::columns`) it matches, ascending
};

/// A document x query matrix.
struct BatchMatrix {
  /// Per query of the batch, in order: the query, its `error` ("" when it ran) and in
  /// `result.total` its exact number of matches (no hits, no facets).
  std::vector<BatchAnswer> columns;
  std::vector<MatrixRow> rows;  ///< every document matching some query, by path (bytes)
};

/// Runs each query as `base` with its query text replaced (filters apply to all; paging, order,
/// snippets and facets play no part) and collects every document each matches, all from one
/// committed state of the index: when a writer commits meanwhile, the batch is matched again. A
/// query that fails (bad syntax, an unknown name) gets its `error` and the batch goes on; throws
/// `SearchError` when the index cannot be read or keeps changing.
BatchMatrix run_batch_matrix(Searcher& searcher, const SearchRequest& base,
                             const std::vector<BatchQuery>& queries);

/// CSV (RFC 4180, CRLF line ends, text through `csv_field`): the header `path,QUERY 1,QUERY 2,...`
/// (each query as written on its line), then one row per document of `matrix.rows`: its path, and
/// per query `1` when the document matches it, `0` when not, and "" for a query that failed.
std::string format_batch_matrix_csv(const BatchMatrix& matrix);

}  // namespace dossier::searcher
