/// \file
/// Walks folders and reports the regular files in them; symbolic links only on request.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace dossier::indexer {

/// What a walk does with symbolic links below the root.
enum class SymlinkPolicy {
  Skip,    ///< never followed (the default): a link is not read, nor reported
  Follow,  ///< followed; a loop (a link to a folder already walked, or to itself) is skipped and
           ///< reported to `on_loop`, a dangling link to `on_issue`
};

/// What a walk skips besides hidden entries.
struct WalkOptions {
  /// gitignore-style patterns relative to the root (`--exclude`); they take precedence over
  /// `.dossierignore` files.
  std::vector<std::string> exclude;
  SymlinkPolicy symlinks = SymlinkPolicy::Skip;
};

/// A regular file found by the walk, with the stat data incremental runs compare.
struct FoundFile {
  std::string path;  ///< absolute, lexically normal (bytes as the file system gave them)
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;  ///< modification time, nanoseconds since the epoch
};

/// Something the walk could not look into (an unreadable folder or entry, a link loop); the walk
/// goes on without it. Nothing below `path` was seen.
struct WalkIssue {
  std::filesystem::path path;
  std::string reason;
};

/// Callbacks of a walk.
struct WalkEvents {
  std::function<void(const FoundFile&)> on_file;
  std::function<void(const WalkIssue&)> on_issue;
  /// A FIFO, socket or device that no ignore rule hides: never opened, only reported (optional).
  std::function<void(const std::filesystem::path&)> on_special;
  /// With links followed, a link that leads back up the tree or to a folder already walked, or a
  /// link that resolves to itself: skipped, and nothing is lost (what it leads to is walked, or is
  /// nothing). Optional; `reason` says which.
  std::function<void(const WalkIssue&)> on_loop;
};

/// Walks `root` (a folder, or a single file; followed if it is a link, since the user named it)
/// depth-first with an explicit stack, entries of each folder in byte order, and calls `on_file`
/// for each regular file, with the path under `root` as given. FIFOs, sockets and devices are
/// never opened: they go to `on_special`. Skipped without a report: hidden entries (names starting
/// with "."), version-control folders, symbolic links (unless `options.symlinks` is `Follow`), and whatever a
/// `.dossierignore` file (gitignore syntax, in any folder, applying beneath it) or `options.exclude` ignores.
/// A folder, entry or ignore file that cannot be read, and with `Follow` a dangling link, is reported
/// through `on_issue`; with `Follow`, a link back to a folder already walked or a link that resolves to
/// itself goes to `on_loop`. Throws
/// `std::filesystem::filesystem_error` only when `root` itself cannot be examined.
void walk_files(const std::filesystem::path& root, const WalkOptions& options, const WalkEvents& events);

}  // namespace dossier::indexer
