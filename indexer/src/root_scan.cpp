#include "root_scan.h"

#include "dossier/analysis/digest.h"

namespace dossier::indexer {

std::string root_identity(const std::filesystem::path& root) {
  std::error_code error;
  // The same folder named as "corpus", "./corpus/" or through a link is one root.
  std::filesystem::path path = std::filesystem::weakly_canonical(std::filesystem::absolute(root), error);
  if (error) path = std::filesystem::absolute(root).lexically_normal();
  return path.native();
}

RootScan scan_root(const std::filesystem::path& root, const WalkOptions& options,
                   const std::function<void(const WalkIssue&)>& on_issue) {
  RootScan scan;
  const std::filesystem::path path = root_identity(root);
  scan.path = path.native();
  scan.id = analysis::digest_of(scan.path);
  scan.digest = scan.id.hex();
  try {
    walk_files(path, options,
               {[&scan](const FoundFile& file) { scan.files.push_back(file); },
                [&](const WalkIssue& issue) {
                  if (issue.path == path) {
                    scan.status = RootStatus::Unreadable;
                    scan.problem = issue.reason;
                    return;
                  }
                  scan.unseen.push_back(issue.path);
                  on_issue(issue);
                },
                [&scan](const std::filesystem::path& special) { scan.special.push_back(special); },
                [&scan](const WalkIssue& loop) { scan.loops.push_back(loop); }});
  } catch (const std::filesystem::filesystem_error& e) {
    const bool missing = e.code() == std::errc::no_such_file_or_directory;
    scan.status = missing ? RootStatus::Missing : RootStatus::Unreadable;
    scan.problem = missing ? "does not exist" : e.code().message();
    scan.files.clear();
  }
  return scan;
}

}  // namespace dossier::indexer
