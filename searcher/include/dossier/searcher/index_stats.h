/// \file
/// What an index holds and how its last run went: `dossier stats`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "dossier/searcher/facets.h"

namespace dossier::searcher {

/// A folder (or file) indexed into the database and how many documents came from it.
struct RootStats {
  std::string path;  ///< absolute, as it was indexed (may be non-UTF-8)
  std::size_t documents = 0;
};

/// The summary the last completed `dossier index` run left in the database.
struct LastRun {
  std::string finished;  ///< UTC, "2026-11-22T10:00:00Z"
  double seconds = 0.0;
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t renamed = 0;
  std::size_t deleted = 0;
  std::size_t unchanged = 0;
  std::size_t skipped = 0;
  std::size_t failed = 0;
  std::size_t failed_before = 0;  ///< of `failed`, files that failed in an earlier run and did not change
  std::size_t root_errors = 0;
};

/// A file the index remembers as failing: not indexed (or indexed as it was before) until it changes.
struct FailedFile {
  std::string path;    ///< absolute, as the file system gave it (may be non-UTF-8)
  std::string reason;  ///< one line
  std::string since;   ///< when it first failed, UTC ISO 8601 ("" when not known)
};

/// The state of one index.
struct IndexStats {
  std::string database;                  ///< the folder, as given
  std::size_t documents = 0;             ///< documents committed
  std::uint64_t size_bytes = 0;          ///< bytes of the database's files on disk
  std::vector<RootStats> roots;          ///< in path order
  std::optional<LastRun> last_run;       ///< none before the first completed run
  std::vector<FailedFile> failed_files;  ///< files that still fail, in path order
  std::vector<FacetValue> countries;     ///< most-named first
  std::vector<FacetValue> actors;        ///< most-named first
};

/// Reads the stats of the index at `database`, with at most `top` countries and actors (0: all).
/// Counts are exact. Throws `IndexNotFoundError` when there is no readable Dossier index there,
/// `SearchError` when it cannot be read.
IndexStats read_index_stats(const std::filesystem::path& database, std::size_t top);

/// The same for several indexes searched together as shards of one corpus: `database` lists
/// them (", "), documents, sizes and roots are summed, the last run is the one that finished
/// last, and the entity counts are over all of them. Throws as above for any of them, and
/// `SearchError` when the list is empty.
IndexStats read_index_stats(const std::vector<std::filesystem::path>& databases, std::size_t top);

/// The stats as one JSON object (an interface: see DESIGN.md): `{"version": 1, "database", "documents",
/// "size_bytes", "roots": [{"path", "documents"}], "last_run": {"finished", "seconds", "added",
/// "updated", "renamed", "deleted", "unchanged", "skipped", "failed", "failed_before",
/// "root_errors"} or null, "countries": [{"value", "name", "count"}], "actors": [{"value", "name",
/// "kind", "country", "count"}], "failed_files": [{"path", "reason", "since"}]}`.
std::string stats_to_json(const IndexStats& stats);

/// The stats as a few lines of text for a terminal.
std::string stats_to_text(const IndexStats& stats);

}  // namespace dossier::searcher
