/// \file
/// The HTTP API and the page's files, behind the guard: each path is answered from the search
/// pool (searches, documents, similar reports, stats, entities, exports) or the embedded assets.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <vector>

#include "dossier/server/api_message.h"
#include "dossier/server/result_cache.h"
#include "dossier/server/search_pool.h"

namespace dossier::server {

/// Limits of the API.
struct ApiOptions {
  std::vector<std::filesystem::path> databases;  ///< the indexes the pool searches (for /api/stats)
  std::size_t max_hits = 1000;                   ///< largest `n` of a search
  std::size_t export_limit = 10'000;             ///< rows an export lists at most
  std::size_t export_page = 500;                 ///< rows an export searches for at a time
  /// Matching budget of each search (`SearchRequest::time_limit`); past it, 503 "timeout".
  std::chrono::milliseconds time_limit{10'000};
};

/// The formats of `/api/export.*`.
enum class ExportFormat {
  Csv,        ///< `export.csv`: a header line, then one line per hit (`csv_rows`)
  JsonLines,  ///< `export.jsonl`: one hit object per line, as `dossier search --format jsonl`
};

/// Answers guarded requests. Thread-safe (every search goes through the pool).
class ApiRoutes {
 public:
  /// Searches on `pool`; answers to searches, similar reports, stats and entity lists are kept in
  /// `cache` for the index revision they were computed on.
  ApiRoutes(SearchPool& pool, ResultCache& cache, ApiOptions options);

  /// The answer to `request`: `GET /` and the page's files; `/api/search`, `/api/documents/ID`,
  /// `/api/similar/ID`, `/api/stats`, `/api/entities`, `/api/export.csv`, `/api/export.jsonl`,
  /// `/api/health` (see DESIGN.md, "HTTP API"). Never throws: a failure is a JSON error with its
  /// status (`current_api_error`).
  ApiResponse respond(const ApiRequest& request) const;

 private:
  ApiResponse route(const ApiRequest& request) const;
  ApiResponse search(const ApiRequest& request) const;
  ApiResponse document(const ApiRequest& request, unsigned id) const;
  ApiResponse similar(const ApiRequest& request, unsigned id) const;
  ApiResponse stats(const ApiRequest& request) const;
  ApiResponse entities(const ApiRequest& request) const;
  ApiResponse export_results(const ApiRequest& request, ExportFormat format) const;
  ApiResponse watches(const ApiRequest& request) const;
  ApiResponse watch(const ApiRequest& request, const std::string& name) const;
  ApiResponse health() const;
  template <class Compute>
  std::pair<std::string, bool> cached(const ApiRequest& request, Compute compute) const;

  SearchPool& pool_;
  ResultCache& cache_;
  ApiOptions options_;
};

/// The JSON answer to a failed request, never cached, with the headers its status asks for
/// (Retry-After: 1 for "busy", Allow for 405, WWW-Authenticate for 401).
ApiResponse error_response(const ApiError& error);

}  // namespace dossier::server
