/// \file
/// The values of the flags that take one of a fixed list: what their checks accept and what shell
/// completion offers.
#pragma once

#include <string>
#include <vector>

namespace dossier::cli {

/// `--format` of `search` and `similar` (csv only with `search --batch`).
inline std::vector<std::string> format_values() {
  return {"text", "json", "jsonl", "paths", "csv"};
}

/// `--sort` of `search` and `similar`.
inline std::vector<std::string> sort_values() {
  return {"relevance", "date"};
}

/// The actions of `dossier watch`, its first word.
inline std::vector<std::string> watch_actions() {
  return {"add", "list", "show", "remove", "run"};
}

/// `--format` of `watch run`.
inline std::vector<std::string> watch_format_values() {
  return {"text", "json", "jsonl"};
}

}  // namespace dossier::cli
