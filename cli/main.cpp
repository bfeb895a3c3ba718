// The `dossier` binary: parse flags, run one subcommand, map the outcome to an exit code.
#include <cstdio>
#include <exception>

#include "command.h"
#include "exit_codes.h"

int main(int argc, char** argv) {
  using namespace dossier::cli;
  CLI::App app{"Dossier: full-text search for intelligence reports", "dossier"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dossier 0.1.0");
  app.footer(
      "Exit codes: 0 success or match, 1 no match (search) or some files failed (index),\n"
      "2 error, 75 index locked by another writer (index, forget). See 'dossier COMMAND --help'.");
  CommandRunner runner;
  add_index_command(app, runner);
  add_forget_command(app, runner);
  add_search_command(app, runner);
  add_similar_command(app, runner);
  add_show_command(app, runner);
  add_entities_command(app, runner);
  add_stats_command(app, runner);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitError;
  }
  try {
    return runner();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return kExitError;
  }
}
