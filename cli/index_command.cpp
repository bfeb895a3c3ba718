// `dossier index PATH... [--db DIR] [--json]`
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "dossier/analysis/printable.h"
#include "dossier/indexer/indexer.h"
#include "environment.h"
#include "exit_codes.h"

namespace dossier::cli {
namespace {

struct IndexFlags {
  std::vector<std::string> paths;
  std::optional<std::string> database;
  std::vector<std::string> exclude;
  std::uint64_t max_size = 100'000'000;
  std::vector<std::string> gazetteers;
  bool no_capitals = false;
  bool json = false;
};

int run_index_command(const IndexFlags& flags) {
  indexer::IndexOptions options;
  const DatabaseEnvironment env = read_database_environment();
  options.database = resolve_database(flags.database, env);
  options.gazetteer_files = gazetteer_files(flags.gazetteers, env);
  options.tagging.capitals = !flags.no_capitals;
  options.roots.assign(flags.paths.begin(), flags.paths.end());
  options.exclude = flags.exclude;
  options.max_file_bytes = flags.max_size;
  indexer::IndexEvents events;
  events.on_error = [](const indexer::FileError& error) {
    std::fprintf(stderr, "error: %s: %s\n", analysis::printable(error.path).c_str(),
                 analysis::printable(error.reason).c_str());
  };
  indexer::IndexReport report;
  try {
    report = indexer::run_index(options, events);
  } catch (const indexer::IndexLockedError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return kExitLocked;
  }
  if (flags.json) {
    std::printf("%s\n", indexer::report_to_json(report).c_str());
  } else {
    std::fprintf(stderr, "%s\n", indexer::report_to_line(report).c_str());
  }
  return report.failed == 0 ? kExitOk : kExitSomeFailed;
}

}  // namespace

void add_index_command(CLI::App& app, CommandRunner& runner) {
  auto flags = std::make_shared<IndexFlags>();
  CLI::App* command = app.add_subcommand("index", "Index folders (or files) of reports into the database");
  command->add_option("paths", flags->paths, "Folders or files to index (recursively)")->required();
  command->add_option("--db", flags->database,
                      "Index folder (default: $DOSSIER_DB, else $XDG_DATA_HOME/dossier/index, "
                      "else ~/.local/share/dossier/index)");
  command
      ->add_option("--exclude", flags->exclude,
                   "Skip paths matching GLOB (gitignore syntax, relative to each root; repeatable)")
      ->type_name("GLOB");
  command->add_option("--max-size", flags->max_size, "Fail files larger than BYTES (default 100000000)")
      ->type_name("BYTES");
  command
      ->add_option("--gazetteer", flags->gazetteers,
                   "Also tag the actors listed in FILE (actors TSV format; repeatable). "
                   "~/.config/dossier/gazetteer.tsv is always read when it exists")
      ->type_name("FILE");
  command->add_flag("--no-capitals", flags->no_capitals,
                    "Do not count a capital (\"Beijing\") as a mention of its country");
  command->add_flag("--json", flags->json, "Print the run summary as one JSON object on stdout");
  command->footer(
      "Indexes .txt, .md and .markdown files; other files are skipped and counted. Hidden files,\n"
      "version-control folders and symbolic links are not followed; a .dossierignore file in any\n"
      "folder (gitignore syntax) excludes paths below it. A file indexed again replaces its\n"
      "document. Each file that fails is named on stderr with the reason; the run goes on.\n"
      "Summary (stderr, or stdout with --json): indexed, skipped, failed, seconds.\n"
      "Exit codes: 0 all indexed, 1 some files failed, 2 fatal error, 75 index locked.");
  command->callback([flags, &runner] { runner = [flags] { return run_index_command(*flags); }; });
}

}  // namespace dossier::cli
