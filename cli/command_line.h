/// \file
/// From argv to an exit code: classify the arguments, parse them with CLI11, run the chosen
/// subcommand, and turn every mistake into one line `error: ...` with exit 2.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "argument_classifier.h"
#include "command.h"

namespace dossier::cli {

/// Positional options with this name hold query words (`dossier search`): there, `-word` is a
/// NOT term rather than a flag.
inline constexpr const char* kQueryWords = "QUERY";

/// What the classifier needs to know of `app`'s flags and subcommands (a hidden subcommand, in
/// no group, that is a prefix command takes its arguments raw).
ProgramSyntax syntax_of(const CLI::App& app);

/// Runs the program: `args` is argv without the program name. Help and version go to stdout with
/// exit 0; a usage mistake prints `error: MESSAGE` on stderr and returns 2; otherwise the chosen
/// command runs, and an exception from it prints `error: MESSAGE` and returns 2.
int run_command_line(CLI::App& app, const CommandRunner& runner, const std::vector<std::string>& args);

}  // namespace dossier::cli
