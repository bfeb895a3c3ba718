/// \file
/// Output flags shared by `dossier search` and `dossier similar`, and printing their results.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

#include "dossier/searcher/result_format.h"
#include "dossier/searcher/searcher.h"

namespace dossier::cli {

/// How results are printed.
struct OutputFlags {
  std::optional<std::string> format;  ///< text, json, jsonl or paths; unset: text (or json with --json)
  bool json = false;                  ///< --json, the same as --format json
  bool count = false;                 ///< print only the number of matches
  bool null = false;                  ///< --null: paths end with a NUL byte, printed as stored
  bool facets = false;
  bool explain = false;
};

/// Registers --format, --json, --count, -0/--null, --facets and --explain on `command`.
void add_output_flags(CLI::App& command, OutputFlags& flags);

/// The format `flags` ask for: "json" for --json, else --format, else "text".
std::string format_of(const OutputFlags& flags);

/// Throws `UsageError` naming both flags when `flags` contradict each other (--json with another
/// --format, --count with a format, --facets or --explain, --facets with paths or jsonl, --explain
/// with paths, --null without paths).
void check_output_flags(const OutputFlags& flags);

/// True for the formats that list every match unless -n is given (paths, jsonl): they are for
/// pipes, where stopping at 10 would lose matches.
bool lists_every_match(const OutputFlags& flags);

/// For the formats that print hit by hit (paths, jsonl), the function to set as the request's
/// `on_hit`; empty for the others.
std::function<void(searcher::SearchHit&&)> hit_printer(const OutputFlags& flags);

/// How text results look on stdout: colour and width only on a terminal, paths relative to the
/// current folder, facets and explanations as `flags` ask.
searcher::TextStyle text_style(const OutputFlags& flags);

/// Prints what remains of `result` as `flags` ask (a suggestion goes to stderr unless the format
/// is JSON; hits already printed by `hit_printer` are not repeated) and returns the exit code: 0
/// when something matched, 1 otherwise.
int print_results(const searcher::SearchResult& result, const OutputFlags& flags);

/// The output formats, JSON fields and exit codes, for the --help footers.
const char* output_help();

}  // namespace dossier::cli
