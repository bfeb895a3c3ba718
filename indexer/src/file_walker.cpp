#include "dossier/indexer/file_walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
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

bool is_skipped_name(std::string_view name) {
  if (name.empty() || name[0] == '.') return true;
  return std::find(kVersionControlFolders.begin(), kVersionControlFolders.end(), name) !=
         kVersionControlFolders.end();
}

std::int64_t mtime_ns_of(const struct stat& info) noexcept {
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
}

std::string join(const std::string& folder, std::string_view name) {
  std::string path;
  path.reserve(folder.size() + 1 + name.size());
  path += folder;
  if (path.empty() || path.back() != '/') path += '/';
  path += name;
  return path;
}

// An open folder (RAII over `DIR*`). Entries are looked up relative to it with `fstatat`, which
// costs the kernel one name lookup instead of a walk of the whole path for every file.
class OpenFolder {
 public:
  explicit OpenFolder(const std::string& path) : dir_(::opendir(path.c_str())), error_(dir_ ? 0 : errno) {}
  OpenFolder(const OpenFolder&) = delete;
  OpenFolder& operator=(const OpenFolder&) = delete;
  ~OpenFolder() {
    if (dir_) ::closedir(dir_);
  }

  int error() const noexcept { return error_; }

  // The entry names other than "." and "..", in byte order so that walks (and everything
  // downstream) are deterministic; `error()` is set when the listing fails half-way.
  std::vector<std::string> names() {
    std::vector<std::string> names;
    errno = 0;
    while (const dirent* entry = ::readdir(dir_)) {
      const std::string_view name = entry->d_name;
      if (name != "." && name != "..") names.emplace_back(name);
    }
    if (errno != 0) error_ = errno;
    std::sort(names.begin(), names.end());
    return names;
  }

  // `lstat` (or `stat`, following links) of the entry `name`; errno is kept on failure.
  bool stat(const std::string& name, struct stat& info, bool follow) const {
    return ::fstatat(::dirfd(dir_), name.c_str(), &info, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0;
  }

 private:
  DIR* dir_;
  int error_;
};

// An ignore file is a short list of patterns; anything bigger is a mistake, not a rule set.
constexpr std::uint64_t kMaxIgnoreFileBytes = 1 << 20;

// A folder still to visit, with the ignore-file rules that apply inside it.
struct PendingFolder {
  std::string path;
  std::shared_ptr<const IgnoreRules> rules;
};

// The rules for `folder`: its parent's, plus its own `.dossierignore` if it has one.
std::shared_ptr<const IgnoreRules> rules_for(const PendingFolder& folder, const OpenFolder& dir,
                                             const WalkEvents& events) {
  const std::string name(kIgnoreFileName);
  struct stat info {};
  if (!dir.stat(name, info, false) || !S_ISREG(info.st_mode)) return folder.rules;
  const fs::path file = join(folder.path, name);
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

  void run(const std::string& start, const struct stat& info) {
    entered_.try_emplace({info.st_dev, info.st_ino}, start);
    pending_.push_back({start, std::make_shared<const IgnoreRules>()});
    while (!pending_.empty()) {
      PendingFolder folder = std::move(pending_.back());
      pending_.pop_back();
      visit(std::move(folder));
    }
  }

 private:
  // Patterns are only consulted when there are some: most walks have none, and building a
  // `std::filesystem::path` per entry would cost more than the rest of the walk.
  bool is_ignored(const PendingFolder& folder, const std::string& path, EntryType type) const {
    if (excluded_.empty() && folder.rules->empty()) return false;
    const fs::path entry(path);
    return excluded_.verdict(entry, type).value_or(folder.rules->ignores(entry, type));
  }

  void visit(PendingFolder folder) {
    OpenFolder dir(folder.path);
    std::vector<std::string> names;
    if (dir.error() == 0) names = dir.names();
    if (dir.error() != 0) {
      events_.on_issue({folder.path, std::strerror(dir.error())});
      return;
    }
    folder.rules = rules_for(folder, dir, events_);
    const bool follow = options_.symlinks == SymlinkPolicy::Follow;
    // Sub-folders are pushed in reverse so that they are visited in byte order.
    std::vector<PendingFolder> subfolders;
    for (const std::string& name : names) {
      if (is_skipped_name(name)) continue;
      std::string entry = join(folder.path, name);
      struct stat info {};
      if (!dir.stat(name, info, false)) {
        events_.on_issue({entry, std::strerror(errno)});
        continue;
      }
      if (S_ISLNK(info.st_mode) && (!follow || !this->follow(dir, name, entry, info))) continue;
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

  // Replaces a link's lstat data by its target's; false (and reported) when it dangles or loops.
  bool follow(const OpenFolder& dir, const std::string& name, const std::string& link, struct stat& info) {
    if (dir.stat(name, info, true)) return true;
    if (errno == ELOOP) {
      loop({link, "symbolic link loop (it resolves to itself)"});
    } else {
      events_.on_issue(
          {link, errno == ENOENT ? std::string("dangling symbolic link") : std::strerror(errno)});
    }
    return false;
  }

  // True the first time a folder is entered; with links followed, a folder reached again is a loop
  // (or a second way to a folder walked already), and what lies below it is walked once.
  bool enter(const std::string& folder, const struct stat& info) {
    if (options_.symlinks == SymlinkPolicy::Skip) return true;
    const auto [first, added] = entered_.try_emplace({info.st_dev, info.st_ino}, folder);
    if (added) return true;
    const std::string& walked = first->second;
    const bool ancestor = folder.size() > walked.size() && folder.starts_with(walked) &&
                          (walked.back() == '/' || folder[walked.size()] == '/');
    loop({folder, ancestor ? "symbolic link loop (it leads back to " + walked + ")"
                           : "symbolic link to a folder already walked as " + walked});
    return false;
  }

  void loop(const WalkIssue& issue) const {
    if (events_.on_loop) events_.on_loop(issue);
  }

  const WalkOptions& options_;
  const WalkEvents& events_;
  IgnoreRules excluded_;
  std::vector<PendingFolder> pending_;
  std::map<std::pair<dev_t, ino_t>, std::string> entered_;  // folder identity -> path it was walked as
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
    events.on_file({start.native(), static_cast<std::uint64_t>(info.st_size), mtime_ns_of(info)});
    return;
  }
  if (!S_ISDIR(info.st_mode)) {
    throw fs::filesystem_error("not a folder or a regular file", start,
                               std::make_error_code(std::errc::not_supported));
  }
  // "/reports/" normalises to "/reports/": without the trailing slash, paths below it are joined
  // with exactly one.
  std::string folder = start.native();
  while (folder.size() > 1 && folder.back() == '/')
    folder.pop_back();
  Walk(start, options, events).run(folder, info);
}

}  // namespace dossier::indexer
