/// \file
/// Ignore patterns in gitignore syntax, from `.dossierignore` files and `--exclude` flags.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::indexer {

/// Whether a path names a folder; folder-only patterns ("build/") need to know.
enum class EntryType { File, Folder };

/// An ordered list of gitignore-style patterns, each relative to the folder it came from. The
/// last pattern that matches a path decides: an ordinary pattern ignores it, a `!pattern`
/// includes it again.
///
/// Syntax (as in gitignore): blank lines and `#` comments are skipped; `\` escapes a leading `#`
/// or `!`; a trailing `/` matches folders only; a pattern with a `/` at its start or middle is
/// anchored to its folder, otherwise it matches a name at any depth; `*` and `?` match within a
/// path component, `[a-z]` a set, `**` any number of components.
class IgnoreRules {
 public:
  /// Adds one pattern relative to `base` (an absolute folder). Blank and comment lines are ignored.
  void add(std::string_view pattern, const std::filesystem::path& base);

  /// Adds every line of a `.dossierignore` file's content, relative to `base`.
  void add_lines(std::string_view content, const std::filesystem::path& base);

  /// True when `path` (absolute) is ignored.
  bool ignores(const std::filesystem::path& path, EntryType type) const {
    return verdict(path, type).value_or(false);
  }

  /// What the last matching pattern says about `path`: true (ignore), false (a `!` pattern
  /// includes it), or `std::nullopt` when no pattern matches.
  std::optional<bool> verdict(const std::filesystem::path& path, EntryType type) const;

  bool empty() const noexcept { return rules_.empty(); }

 private:
  struct Rule {
    std::filesystem::path base;
    std::vector<std::string> segments;  // pattern components; "**" matches any number
    bool negated = false;
    bool folders_only = false;
  };
  std::vector<Rule> rules_;
};

/// The name of the per-folder ignore file.
inline constexpr std::string_view kIgnoreFileName = ".dossierignore";

}  // namespace dossier::indexer
