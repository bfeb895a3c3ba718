/// \file
/// Running saved watches and printing their news: `dossier watch run` and `dossier index --watch`.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dossier/searcher/watch_run.h"

namespace dossier::cli {

/// What to run and how to print it.
struct WatchRunFlags {
  std::filesystem::path database;
  std::vector<std::string> names;        ///< empty: every watch
  std::optional<std::int64_t> since_ns;  ///< unset: since each watch's last run (recorded after)
  std::size_t limit = 10;                ///< hits per watch and kind
  std::string format = "text";           ///< text, json or jsonl
  double wait_seconds = 0;               ///< for the writer's lock when the run is recorded
};

/// Prints what a run found; the run is recorded only after it returns.
using WatchPrinter = std::function<void(const std::vector<searcher::WatchMatches>&)>;

/// Runs the watches, prints their news on stdout (with `print`, else as `flags.format` says),
/// then (without `since_ns`) records the run in the index. Returns 0 when something is new or
/// changed, 1 when nothing is, 75 when the run could not be recorded because another writer holds
/// the index (the news is then reported again). Throws what the searcher and the watch store throw.
int run_and_print_watches(const WatchRunFlags& flags, const WatchPrinter& print = {});

/// The output of watch runs, for the --help footers.
const char* watch_run_help();

}  // namespace dossier::cli
