/// \file
/// Output flags shared by `dossier search` and `dossier similar`, and printing their results.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "dossier/searcher/searcher.h"

namespace dossier::cli {

/// How results are printed.
struct OutputFlags {
  std::string format = "text";  ///< text, json, jsonl or paths
  bool json = false;            ///< --json, the same as --format json
  bool count = false;           ///< print only the number of matches
  bool facets = false;
  bool explain = false;
};

/// Registers --format, --json, --count, --facets and --explain on `command`.
void add_output_flags(CLI::App& command, OutputFlags& flags);

/// Prints `result` as `flags` ask (a suggestion goes to stderr unless the format is JSON) and
/// returns the exit code: 0 when something matched, 1 otherwise.
int print_results(const searcher::SearchResult& result, const OutputFlags& flags);

/// The output formats, JSON fields and exit codes, for the --help footers.
const char* output_help();

}  // namespace dossier::cli
