/// \file
/// Runs queries against a Dossier index and returns ranked hits with snippets.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "dossier/analysis/analyzer.h"
#include "dossier/searcher/snippet.h"

namespace dossier::searcher {

/// How the words of a query combine when no operator joins them.
enum class MatchMode {
  All,  ///< every word must match (default)
  Any,  ///< any word may match, documents with more of them rank higher (long natural-language queries)
};

/// One search.
struct SearchRequest {
  std::string query;       ///< in Dossier's query language (see query_parser.h)
  std::size_t limit = 10;  ///< hits to return; 0 returns only the total
  std::size_t offset = 0;  ///< hits to skip, for paging
  MatchMode mode = MatchMode::All;
  SnippetOptions snippet;
};

/// One ranked document.
struct SearchHit {
  std::size_t rank = 0;  ///< 1-based over the whole result list (offset included)
  double score = 0.0;    ///< BM25 weight; only comparable within one result list
  std::string path;      ///< absolute path as stored (may be non-UTF-8)
  std::string title;
  Snippet snippet;
};

/// The answer to a `SearchRequest`.
struct SearchResult {
  std::string query;       ///< the query as given
  std::size_t total = 0;   ///< exact number of matching documents
  std::size_t offset = 0;  ///< as requested
  std::vector<SearchHit> hits;
};

/// A read-only view of one index. Opening is cheap enough to do per command.
///
/// Not thread-safe (it owns a `Xapian::Database`); use one per thread.
class Searcher {
 public:
  /// Opens the index at `database`. Throws `IndexNotFoundError` when there is no readable Dossier
  /// index there.
  explicit Searcher(std::filesystem::path database);

  /// Runs `request` on the latest committed state of the index. The total is exact (every match
  /// is counted). When a writer commits while the search runs, the search is retried. Throws
  /// `QuerySyntaxError` for an invalid query and `SearchError` when the index cannot be read.
  SearchResult search(const SearchRequest& request);

 private:
  SearchResult run(const SearchRequest& request);

  std::filesystem::path path_;
  Xapian::Database database_;
  analysis::Analyzer analyzer_;
};

}  // namespace dossier::searcher
