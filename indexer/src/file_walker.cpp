#include "dossier/indexer/file_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string_view>
#include <system_error>
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
  std::sort(entries.begin(), entries.end());
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
  IgnoreRules excluded;
  for (const std::string& pattern : options.exclude)
    excluded.add(pattern, start);
  const auto is_ignored = [&excluded](const PendingFolder& folder, const fs::path& path, EntryType type) {
    return excluded.verdict(path, type).value_or(folder.rules->ignores(path, type));
  };

  std::vector<PendingFolder> pending{{start, std::make_shared<const IgnoreRules>()}};
  while (!pending.empty()) {
    PendingFolder folder = std::move(pending.back());
    pending.pop_back();
    std::error_code error;
    std::vector<fs::path> entries = list_folder(folder.path, error);
    if (error) {
      events.on_issue({folder.path, error.message()});
      continue;
    }
    folder.rules = rules_for(folder, events);
    // Push sub-folders in reverse so they are visited in byte order.
    std::vector<PendingFolder> subfolders;
    for (fs::path& entry : entries) {
      if (is_skipped_name(entry.filename())) continue;
      if (::lstat(entry.c_str(), &info) != 0) {
        events.on_issue({entry, std::strerror(errno)});
      } else if (S_ISDIR(info.st_mode)) {
        if (!is_ignored(folder, entry, EntryType::Folder))
          subfolders.push_back({std::move(entry), folder.rules});
      } else if (S_ISREG(info.st_mode) && !is_ignored(folder, entry, EntryType::File)) {
        events.on_file({std::move(entry), static_cast<std::uint64_t>(info.st_size), mtime_ns_of(info)});
      }
    }
    std::move(subfolders.rbegin(), subfolders.rend(), std::back_inserter(pending));
  }
}

}  // namespace dossier::indexer
