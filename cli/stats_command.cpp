// `dossier stats [--db DIR] [--json] [--top N]`
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "command.h"
#include "dossier/searcher/index_stats.h"
#include "environment.h"
#include "exit_codes.h"
#include "value_checks.h"

namespace dossier::cli {
namespace {

struct StatsFlags {
  std::optional<std::string> database;
  std::size_t top = 10;
  bool json = false;
};

int run_stats_command(const StatsFlags& flags) {
  const searcher::IndexStats stats =
      searcher::read_index_stats(resolve_database(flags.database, read_database_environment()), flags.top);
  if (flags.json) {
    std::printf("%s\n", searcher::stats_to_json(stats).c_str());
  } else {
    std::fputs(searcher::stats_to_text(stats).c_str(), stdout);
  }
  return kExitOk;
}

}  // namespace

void add_stats_command(CLI::App& app, CommandRunner& runner) {
  auto flags = std::make_shared<StatsFlags>();
  CLI::App* command = app.add_subcommand("stats", "Show what the index holds and how its last run went");
  command->add_option("--db", flags->database, "Index folder (default as for 'dossier index')")
      ->type_name("DIR")
      ->check(non_empty_path());
  command->add_option("--top", flags->top, "Show the N most-named countries and actors (default 10; 0: all)")
      ->type_name("N")
      ->check(whole_number(0));
  command->add_flag("--json", flags->json, "Print one JSON object");
  command->footer(
      "Shows the number of documents, the size of the index on disk, each root with its number of\n"
      "documents, the last completed index run (time, counts, duration), the most-named countries\n"
      "and actors, and the files that still fail (path, reason, since when). JSON fields: database,\n"
      "documents, size_bytes, roots [{path, documents}], last_run {finished, seconds, added, updated,\n"
      "renamed, deleted, unchanged, skipped, failed, failed_before, root_errors} or null, countries\n"
      "[{value, name, count}], actors [{value, name, kind, country, count}], failed_files [{path,\n"
      "reason, since}].\n"
      "Exit codes: 0 shown, 2 no index or it cannot be read.");
  command->callback([flags, &runner] { runner = [flags] { return run_stats_command(*flags); }; });
}

}  // namespace dossier::cli
