/// \file
/// The indexing entry point: bring an index up to date with folders of reports, incrementally,
/// under one lock, never deleting what could not be seen.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "dossier/analysis/entity_tagger.h"
#include "dossier/indexer/file_walker.h"
#include "dossier/indexer/index_report.h"
#include "dossier/indexer/index_writer.h"

namespace dossier::indexer {

/// Which files a run reads.
enum class RunMode {
  Incremental,  ///< only new files, and files whose size or mtime changed (then only if their content did)
  Full,         ///< every file, rebuilding each document in place (searches keep working meanwhile)
};

/// What happens to files that failed in an earlier run.
enum class FailedFilesPolicy {
  RetryWhenChanged,  ///< retried when their size or mtime changed; otherwise counted as skipped
  RetryAll,          ///< retried in every case (`--retry-failed`)
};

/// What to index and where.
struct IndexOptions {
  std::filesystem::path database;                ///< folder of the Xapian database (created if missing)
  std::vector<std::filesystem::path> roots;      ///< folders or files to index
  std::vector<std::string> exclude;              ///< gitignore-style patterns relative to each root
  SymlinkPolicy symlinks = SymlinkPolicy::Skip;  ///< follow symbolic links below the roots or not
  std::uint64_t max_file_bytes = 100'000'000;    ///< larger files fail with a reason
  /// A PDF still being extracted this long after it was read fails with a reason (checked
  /// between pages; see `ExtractionLimits`).
  std::chrono::milliseconds extract_timeout{60'000};
  RunMode mode = RunMode::Incremental;
  FailedFilesPolicy failed_files = FailedFilesPolicy::RetryWhenChanged;
  std::size_t jobs = 0;               ///< threads reading, extracting and analysing files (0: one per core)
  std::chrono::milliseconds wait{0};  ///< how long to wait for another writer's lock
  CommitPolicy commit;                ///< batch size between commits
  /// Users' watchlists (gazetteer files in the actors format) added to the built-in gazetteer.
  std::vector<std::filesystem::path> gazetteer_files;
  analysis::TaggerOptions tagging;  ///< entity tagging rules
};

/// How far a run has got with the files it has to read.
struct IndexProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;  ///< known once the walk is complete
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
};

/// What a run did to one file.
enum class FileChangeKind { Added, Updated, Renamed, Deleted };

/// One change to the index, for `--verbose`.
struct FileChange {
  std::string path;  ///< as the file system gave it
  FileChangeKind kind = FileChangeKind::Added;
};

/// A file the walk found that a run did not read, for `--verbose`.
struct SkippedFile {
  std::string path;    ///< as the file system gave it
  std::string reason;  ///< one line: "not a regular file", "unsupported format", ...
};

/// Callbacks through which a run reports while it works; all optional.
struct IndexEvents {
  std::function<void(const FileError&)> on_error;         ///< a file or a root failed; the run goes on
  std::function<void(const IndexProgress&)> on_progress;  ///< after each file read
  std::function<void(const FileChange&)> on_change;       ///< a document was added, updated, renamed, deleted
  std::function<void(const SkippedFile&)> on_skip;        ///< a file counted in `skipped`
  /// Something worth knowing once that does not make the run fail: a symbolic-link loop met for
  /// the first time (later runs skip it silently; it is counted in `skipped` and named by
  /// `on_skip` every time).
  std::function<void(const FileError&)> on_warning;
};

/// Brings the index at `options.database` up to date with `options.roots`:
/// 1. takes the writer's lock (waiting up to `options.wait`);
/// 2. walks every root completely (stat only), honouring excludes, `.dossierignore` and the
///    symbolic-link policy;
/// 3. compares each file with what the index holds: a file whose size and mtime are unchanged is
///    not opened; a changed one is read and its content digest compared: same content (only
///    touched) updates the stored mtime, new content re-indexes it; a new path whose content is
///    that of a vanished path is a rename (the document moves, it is not duplicated); failed
///    files are retried only when they change (see `FailedFilesPolicy`);
/// 4. deletes the documents of files that are gone — only under roots walked completely and never
///    below a folder that could not be read. A root that is missing, unreadable, or empty while
///    the index holds documents from it deletes nothing and counts as a root error;
/// 5. commits in bounded batches (`options.commit`), so a crash loses little and the next run
///    finishes the work without duplicates.
/// Each document is tagged with the countries and actors it names. When the gazetteer changed
/// since the last run, every file is read again so that its tags follow.
/// Per-file problems and root errors are counted, reported through `events.on_error` and listed in
/// the report; they never stop the run. Throws `std::invalid_argument` without roots,
/// `analysis::GazetteerError` when a gazetteer file is
/// malformed or unreadable, `IndexLockedError` when another writer holds the database, and
/// `IndexWriteError` when it cannot be written (what was committed before stays).
IndexReport run_index(const IndexOptions& options, const IndexEvents& events = {});

}  // namespace dossier::indexer
