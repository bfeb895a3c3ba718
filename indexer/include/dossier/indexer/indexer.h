/// \file
/// The indexing entry point: walk roots, extract, analyse and write, reporting per-file problems.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "dossier/analysis/entity_tagger.h"
#include "dossier/indexer/index_report.h"
#include "dossier/indexer/index_writer.h"

namespace dossier::indexer {

/// A root that does not exist or cannot be examined; nothing was written.
class RootError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What to index and where.
struct IndexOptions {
  std::filesystem::path database;              ///< folder of the Xapian database (created if missing)
  std::vector<std::filesystem::path> roots;    ///< folders or files to index
  std::vector<std::string> exclude;            ///< gitignore-style patterns relative to each root
  std::uint64_t max_file_bytes = 100'000'000;  ///< larger files fail with a reason
  CommitPolicy commit;                         ///< batch size between commits
  /// Users' watchlists (gazetteer files in the actors format) added to the built-in gazetteer.
  std::vector<std::filesystem::path> gazetteer_files;
  analysis::TaggerOptions tagging;  ///< entity tagging rules
};

/// Callbacks through which a run reports while it works; all optional.
struct IndexEvents {
  std::function<void(const FileError&)> on_error;  ///< a file could not be indexed; the run goes on
};

/// Indexes every supported file under `options.roots` into `options.database`, replacing the
/// document of a file indexed before (its unique id is its absolute path). Per-file problems are
/// counted, reported through `events.on_error` and listed in the report; they never stop the run.
/// Each document is tagged with the countries and actors it names; their names and aliases are
/// kept in the database metadata for searches. Throws `RootError` (before writing anything) when a
/// root does not exist, `analysis::GazetteerError` when a gazetteer file is malformed or unreadable,
/// `IndexLockedError` when another writer holds the database, `IndexWriteError` when it cannot be
/// written.
IndexReport run_index(const IndexOptions& options, const IndexEvents& events = {});

}  // namespace dossier::indexer
