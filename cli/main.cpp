// The `dossier` binary: parse flags, run one subcommand, map the outcome to an exit code.
#include <string>
#include <vector>

#include "command.h"
#include "command_line.h"

int main(int argc, char** argv) {
  using namespace dossier::cli;
  CLI::App app{"Dossier: full-text search for intelligence reports", "dossier"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION);
  app.footer(
      "Exit codes: 0 success or match, 1 no match (search) or some files failed (index),\n"
      "2 error, 75 index locked by another writer (index, forget, watch). See 'dossier COMMAND --help' and\n"
      "man dossier.");
  CommandRunner runner;
  add_index_command(app, runner);
  add_forget_command(app, runner);
  add_search_command(app, runner);
  add_similar_command(app, runner);
  add_show_command(app, runner);
  add_entities_command(app, runner);
  add_stats_command(app, runner);
  add_serve_command(app, runner);
  add_watch_command(app, runner);
  add_complete_command(app, runner);
  return run_command_line(app, runner, std::vector<std::string>(argv + 1, argv + argc));
}
