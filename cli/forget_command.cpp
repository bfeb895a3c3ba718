// `dossier forget ROOT [--db DIR] [--wait SECONDS] [--json] [--quiet]`
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "command.h"
#include "dossier/indexer/index_writer.h"
#include "dossier/indexer/root_forgetting.h"
#include "environment.h"
#include "exit_codes.h"
#include "locked_index.h"
#include "seconds.h"
#include "value_checks.h"

namespace dossier::cli {
namespace {

struct ForgetFlags {
  std::string root;
  std::optional<std::string> database;
  double wait_seconds = 0;
  bool quiet = false;
  bool json = false;
};

int run_forget_command(const ForgetFlags& flags) {
  indexer::ForgetOptions options;
  options.database = resolve_database(flags.database, read_database_environment());
  options.root = flags.root;
  options.wait = milliseconds_of(flags.wait_seconds);
  indexer::ForgetReport report;
  try {
    report = indexer::forget_root(options);
  } catch (const indexer::IndexLockedError& e) {
    print_locked(e, flags.wait_seconds);
    return kExitLocked;
  }
  if (flags.json) {
    std::printf("%s\n", indexer::forget_report_to_json(report).c_str());
  } else if (!flags.quiet) {
    std::printf("%s\n", indexer::forget_report_to_line(report).c_str());
  }
  return kExitOk;
}

}  // namespace

void add_forget_command(CLI::App& app, CommandRunner& runner) {
  auto flags = std::make_shared<ForgetFlags>();
  CLI::App* command =
      app.add_subcommand("forget", "Retire a root: remove its documents and what the index remembers of it");
  command->add_option("ROOT", flags->root, "The folder (or file) as it was given to 'dossier index'")
      ->required()
      ->type_name("PATH")
      ->check(non_empty_path());
  command->add_option("--db", flags->database, "Index folder (default as for 'dossier index')")
      ->type_name("DIR")
      ->check(non_empty_path());
  command
      ->add_option("--wait", flags->wait_seconds,
                   "Wait up to SECONDS for another writer's lock (default: exit 75 at once)")
      ->type_name("SECONDS")
      ->check(seconds_between(0, 86400.0));
  command->add_flag("-q,--quiet", flags->quiet, "Print nothing when all goes well");
  command->add_flag("--json", flags->json,
                    "Print {\"root\", \"documents\", \"failed_files\", \"loops\"} on stdout");
  command->footer(
      "Removes every document indexed from ROOT, the files remembered as failing under it, its\n"
      "link loops and its root record: searches no longer find it, 'dossier stats' no longer lists\n"
      "it, and 'dossier index' no longer exits 2 because it is missing or empty. The files\n"
      "themselves are not touched; indexing ROOT again brings it back. Takes the writer's lock\n"
      "like 'dossier index' and changes the index in one commit.\n"
      "Exit codes: 0 forgotten, 2 not a root of the index (the message lists its roots), no index,\n"
      "or bad arguments, 75 index locked by another writer (EX_TEMPFAIL: try again later, or use\n"
      "--wait).");
  command->callback([flags, &runner] { runner = [flags] { return run_forget_command(*flags); }; });
}

}  // namespace dossier::cli
