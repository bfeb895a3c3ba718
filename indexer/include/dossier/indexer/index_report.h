/// \file
/// What an index run did, and its JSON form (an interface: see DESIGN.md before changing it).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace dossier::indexer {

/// A file the run could not index, and why.
struct FileError {
  std::string path;    ///< as the file system gave it (may be non-UTF-8)
  std::string reason;  ///< one line, e.g. "permission denied"
};

/// Counts and errors of one run.
struct IndexReport {
  std::size_t indexed = 0;  ///< documents added or replaced
  std::size_t skipped = 0;  ///< files in a format Dossier does not read
  std::size_t failed = 0;   ///< files that could not be read or extracted (see `errors`)
  double seconds = 0.0;     ///< wall-clock duration
  std::vector<FileError> errors;
};

/// The report as one JSON object:
/// `{"indexed": N, "skipped": N, "failed": N, "seconds": S, "errors": [{"path": "...", "reason": "..."}]}`.
/// Paths that are not UTF-8 are shown with U+FFFD in place of bad bytes.
std::string report_to_json(const IndexReport& report);

/// The report as one human-readable line: "indexed 6, skipped 1, failed 0 in 0.12 s".
std::string report_to_line(const IndexReport& report);

}  // namespace dossier::indexer
