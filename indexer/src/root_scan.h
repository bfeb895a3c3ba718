// A complete walk of one root, before anything is indexed or deleted.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "dossier/analysis/digest.h"
#include "dossier/indexer/file_walker.h"

namespace dossier::indexer {

/// Whether a root could be walked.
enum class RootStatus {
  Walked,      ///< walked; `unseen` lists what inside it could not be read
  Missing,     ///< does not exist (an unmounted share, a typo): nothing under it may be deleted
  Unreadable,  ///< exists but cannot be listed: nothing under it may be deleted
};

/// What the walk of one root found.
struct RootScan {
  std::string path;     ///< absolute and canonical (links resolved), so a root has one identity
  std::string digest;   ///< `digest_hex(path)`, as the index stores it
  analysis::Digest id;  ///< the same digest as a value
  RootStatus status = RootStatus::Walked;
  std::string problem;  ///< why, when not walked
  std::vector<FoundFile> files;
  std::vector<std::filesystem::path> special;  ///< FIFOs, sockets and devices found (never opened)
  std::vector<std::filesystem::path> unseen;   ///< paths below which nothing was seen
  std::vector<WalkIssue> loops;                ///< links skipped as loops (with links followed)
};

/// The path a root is known by: absolute and canonical (links resolved), so that "corpus",
/// "./corpus/" and a link to it are one root; lexically normal when it cannot be resolved.
std::string root_identity(const std::filesystem::path& root);

/// Walks `root` completely (stat only). Issues below the root go to `on_issue` and into `unseen`;
/// a root that cannot be examined or listed gets its status and `problem` instead. Never throws for
/// file-system reasons.
RootScan scan_root(const std::filesystem::path& root, const WalkOptions& options,
                   const std::function<void(const WalkIssue&)>& on_issue);

}  // namespace dossier::indexer
