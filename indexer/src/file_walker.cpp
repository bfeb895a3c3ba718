#include "dossier/indexer/file_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "dossier/indexer/file_reader.h"
#include "dossier/indexer/ignore_rules.h"

namespace dossier::indexer {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 3> kVersionControlFolders = {"CVS", "_darcs", "RCS"};

bool is_skipped_name(const fs::path& name) {
  const std::string& text = name.native();
  if (text.empty() || text[0] == '.') return true;
  return std::find(kVersionControlFolders.begin(), kVersionControlFolders.end(), text) !=
         kVersionControlFolders.end();
}

std::int64_t mtime_ns_of(const struct stat& info) noexcept {
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
}

// Lists a folder's entries in byte order so that walks (and everything downstream) are deterministic.
std::vector<fs::path> list_folder(const fs::path& folder, std::error_code& error) {
  std::vector<fs::path> entries;
  fs::directory_iterator it(folder, error);
  for (; !error && it != fs::directory_iterator(); it.increment(error))
    entries.push_back(it->path());
  // Plain byte comparison: the entries share their folder, and `path::compare` would split each
  // into components first.
  std::sort(entries.begin(), entries.end(),
            [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });
  return entries;
}

// An ignore file is a short list of patterns; anything bigger is a mistake, not a rule set.
constexpr std::uint64_t kMaxIgnoreFileBytes = 1 << 20;

// A folder still to visit, with the ignore-file rules that apply inside it.
struct PendingFolder {
  fs::path path;
  std::shared_ptr<const IgnoreRules> rules;
};

// The rules for `folder`: its parent's, plus its own `.dossierignore` if it has one.
std::shared_ptr<const IgnoreRules> rules_for(const PendingFolder& folder, const WalkEvents& events) {
  const fs::path file = folder.path / kIgnoreFileName;
  struct stat info {};
  if (::lstat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return folder.rules;
  auto rules = std::make_shared<IgnoreRules>(*folder.rules);
  try {
    rules->add_lines(read_regular_file(file, kMaxIgnoreFileBytes), folder.path);
  } catch (const FileReadError& e) {
    events.on_issue({file, e.what()});
  }
  return rules;
}

// One walk: the ignore rules, the folders still to visit and, when links are followed, the
// folders already entered (by device and inode), so that a link back up the tree ends.
class Walk {
 public:
  Walk(const fs::path& start, const WalkOptions& options, const WalkEvents& events)
      : options_(options), events_(events) {
    for (const std::string& pattern : options.exclude)
      excluded_.add(pattern, start);
  }

  void run(const fs::path& start, const struct stat& info) {
    entered_.insert({info.st_dev, info.st_ino});
    pending_.push_back({start, std::make_shared<const IgnoreRules>()});
    while (!pending_.empty()) {
      PendingFolder folder = std::move(pending_.back());
      pending_.pop_back();
      visit(std::move(folder));
    }
  }

 private:
  bool is_ignored(const PendingFolder& folder, const fs::path& path, EntryType type) const {
    return excluded_.verdict(path, type).value_or(folder.rules->ignores(path, type));
  }

  void visit(PendingFolder folder) {
    std::error_code error;
    std::vector<fs::path> entries = list_folder(folder.path, error);
    if (error) {
      events_.on_issue({folder.path, error.message()});
      return;
    }
    folder.rules = rules_for(folder, events_);
    // Sub-folders are pushed in reverse so that they are visited in byte order.
    std::vector<PendingFolder> subfolders;
    for (fs::path& entry : entries) {
      if (is_skipped_name(entry.filename())) continue;
      struct stat info {};
      if (::lstat(entry.c_str(), &info) != 0) {
        events_.on_issue({entry, std::strerror(errno)});
        continue;
      }
      if (S_ISLNK(info.st_mode)) {
        if (options_.symlinks == SymlinkPolicy::Skip || !follow(entry, info)) continue;
      }
      if (S_ISDIR(info.st_mode)) {
        if (!is_ignored(folder, entry, EntryType::Folder) && enter(entry, info)) {
          subfolders.push_back({std::move(entry), folder.rules});
        }
      } else if (!is_ignored(folder, entry, EntryType::File)) {
        if (S_ISREG(info.st_mode)) {
          events_.on_file({std::move(entry), static_cast<std::uint64_t>(info.st_size), mtime_ns_of(info)});
        } else if (events_.on_special) {
          events_.on_special(entry);
        }
      }
    }
    std::move(subfolders.rbegin(), subfolders.rend(), std::back_inserter(pending_));
  }

  // Replaces a link's lstat data by its target's; false (and reported) when it dangles.
  bool follow(const fs::path& link, struct stat& info) {
    if (::stat(link.c_str(), &info) != 0) {
      events_.on_issue(
          {link, errno == ENOENT ? std::string("dangling symbolic link") : std::strerror(errno)});
      return false;
    }
    return true;
  }

  // True the first time a folder is entered; with links followed, a folder reached again is a loop.
  bool enter(const fs::path& folder, const struct stat& info) {
    if (options_.symlinks == SymlinkPolicy::Skip) return true;
    if (entered_.insert({info.st_dev, info.st_ino}).second) return true;
    events_.on_issue({folder, "symbolic link to a folder already walked (a loop)"});
    return false;
  }

  const WalkOptions& options_;
  const WalkEvents& events_;
  IgnoreRules excluded_;
  std::vector<PendingFolder> pending_;
  std::set<std::pair<dev_t, ino_t>> entered_;
};

}  // namespace

void walk_files(const fs::path& root, const WalkOptions& options, const WalkEvents& events) {
  const fs::path start = fs::absolute(root).lexically_normal();
  struct stat info {};
  // The root itself is followed if it is a symbolic link: the user named it.
  if (::stat(start.c_str(), &info) != 0) {
    throw fs::filesystem_error("cannot read", start, std::error_code(errno, std::generic_category()));
  }
  if (S_ISREG(info.st_mode)) {
    events.on_file({start, static_cast<std::uint64_t>(info.st_size), mtime_ns_of(info)});
    return;
  }
  if (!S_ISDIR(info.st_mode)) {
    throw fs::filesystem_error("not a folder or a regular file", start,
                               std::make_error_code(std::errc::not_supported));
  }
  Walk(start, options, events).run(start, info);
}

}  // namespace dossier::indexer
