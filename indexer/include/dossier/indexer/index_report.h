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
  std::size_t added = 0;      ///< files new to the index
  std::size_t updated = 0;    ///< files whose content changed, indexed again
  std::size_t deleted = 0;    ///< files gone from a root that was walked completely
  std::size_t renamed = 0;    ///< files moved or renamed: same content under a new path, one document
  std::size_t unchanged = 0;  ///< files left alone (a file only touched, same content, included)
  std::size_t skipped = 0;    ///< files Dossier does not read (other formats, FIFOs, link loops)
  /// Files not indexed because they fail: those that failed in this run (see `errors`) and the
  /// `failed_before`.
  std::size_t failed = 0;
  /// Of `failed`, files that failed in an earlier run and did not change since: not read again,
  /// not in `errors` (`dossier stats` lists them).
  std::size_t failed_before = 0;
  std::size_t root_errors = 0;    ///< roots missing, unreadable or suddenly empty: nothing deleted under them
  double seconds = 0.0;           ///< wall-clock duration
  std::vector<FileError> errors;  ///< failed files and root errors, each with its reason

  /// Documents written: added, updated and renamed.
  std::size_t indexed() const noexcept { return added + updated + renamed; }

  /// Files that failed in this run (read and failed): news, unlike the `failed_before`.
  std::size_t failed_this_run() const noexcept { return failed - failed_before; }
};

/// The report as one JSON object: `{"indexed": N, "added": N, "updated": N, "renamed": N,
/// "deleted": N, "unchanged": N, "skipped": N, "failed": N, "failed_before": N, "root_errors": N,
/// "seconds": S, "errors": [{"path": "...", "reason": "..."}], "error": null}` (`indexed` = added +
/// updated + renamed; `error` is null for a run that finished). Paths that are not UTF-8 are shown
/// with U+FFFD in place of bad bytes.
std::string report_to_json(const IndexReport& report);

/// The same object for a run that stopped on a fatal error (the index locked, unusable or not
/// writable): zero counts, the `seconds` until it stopped and `"error": MESSAGE`, so a log of one
/// JSON object per run has no gaps.
std::string stopped_run_to_json(const std::string& error, double seconds);

/// The report as one human-readable line:
/// "added 6, updated 0, renamed 0, deleted 0, unchanged 0, skipped 1, failed 0 in 0.12 s", with
/// " (N before)" after the failed count when some failed in an earlier run, and ", root errors N"
/// before " in" when a root could not be walked.
std::string report_to_line(const IndexReport& report);

}  // namespace dossier::indexer
