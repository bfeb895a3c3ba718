#include "dossier/indexer/ignore_rules.h"

#include <fnmatch.h>

#include "dossier/indexer/text_lines.h"

namespace dossier::indexer {
namespace {

std::vector<std::string> split_segments(std::string_view pattern) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= pattern.size()) {
    const std::size_t slash = pattern.find('/', start);
    const std::size_t stop = slash == std::string_view::npos ? pattern.size() : slash;
    if (stop > start) segments.emplace_back(pattern.substr(start, stop - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

// Matches path components against pattern components; "**" takes zero or more components.
// Dynamic programming over (pattern, path) prefixes keeps any pattern polynomial, even a hostile
// one made of many "**".
bool match_segments(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  // matched[s] is true when pattern[0, p) matches path[0, s).
  std::vector<char> matched(path.size() + 1, 0);
  matched[0] = 1;
  for (const std::string& segment : pattern) {
    std::vector<char> next(path.size() + 1, 0);
    if (segment == "**") {
      bool reachable = false;
      for (std::size_t s = 0; s <= path.size(); ++s)
        next[s] = (reachable = reachable || matched[s]);
    } else {
      for (std::size_t s = 0; s < path.size(); ++s) {
        next[s + 1] = matched[s] && ::fnmatch(segment.c_str(), path[s].c_str(), 0) == 0;
      }
    }
    matched = std::move(next);
  }
  return matched[path.size()] != 0;
}

// Gitignore strips trailing spaces unless the last one is escaped.
std::string_view trim_trailing_spaces(std::string_view line) {
  while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

void IgnoreRules::add(std::string_view pattern, const std::filesystem::path& base) {
  pattern = trim_trailing_spaces(pattern);
  if (pattern.empty() || pattern.front() == '#') return;
  Rule rule;
  rule.base = base;
  if (pattern.front() == '!') {
    rule.negated = true;
    pattern.remove_prefix(1);
  } else if (pattern.starts_with("\\#") || pattern.starts_with("\\!")) {
    pattern.remove_prefix(1);
  }
  if (pattern.ends_with('/')) {
    rule.folders_only = true;
    pattern.remove_suffix(1);
  }
  // A slash at the start or in the middle anchors the pattern to its folder.
  const bool anchored = pattern.find('/') != std::string_view::npos;
  rule.segments = split_segments(pattern);
  if (rule.segments.empty()) return;
  if (!anchored) rule.segments.insert(rule.segments.begin(), "**");
  rules_.push_back(std::move(rule));
}

void IgnoreRules::add_lines(std::string_view content, const std::filesystem::path& base) {
  for (std::string_view line : TextLines(content))
    add(line, base);
}

std::optional<bool> IgnoreRules::verdict(const std::filesystem::path& path, EntryType type) const {
  // The last matching rule decides, so scan from the end.
  for (auto rule = rules_.rbegin(); rule != rules_.rend(); ++rule) {
    if (rule->folders_only && type != EntryType::Folder) continue;
    const std::filesystem::path relative = path.lexically_relative(rule->base);
    if (relative.empty() || *relative.begin() == "..") continue;
    std::vector<std::string> components;
    for (const auto& component : relative)
      components.push_back(component.native());
    if (match_segments(rule->segments, components)) return !rule->negated;
  }
  return std::nullopt;
}

}  // namespace dossier::indexer
