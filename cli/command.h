/// \file
/// How subcommands plug into `main`: each registers its flags and, when chosen, a function that
/// runs it and returns the exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace dossier::cli {

/// The subcommand chosen on the command line, set by its parse callback.
using CommandRunner = std::function<int()>;

/// Registers `dossier index`.
void add_index_command(CLI::App& app, CommandRunner& runner);

/// Registers `dossier forget`.
void add_forget_command(CLI::App& app, CommandRunner& runner);

/// Registers `dossier search`.
void add_search_command(CLI::App& app, CommandRunner& runner);

/// Registers `dossier similar`.
void add_similar_command(CLI::App& app, CommandRunner& runner);

/// Registers `dossier entities`.
void add_entities_command(CLI::App& app, CommandRunner& runner);

/// Registers `dossier stats`.
void add_stats_command(CLI::App& app, CommandRunner& runner);

/// Registers `dossier show`.
void add_show_command(CLI::App& app, CommandRunner& runner);

/// Registers `dossier serve`.
void add_serve_command(CLI::App& app, CommandRunner& runner);

/// Registers `dossier watch`.
void add_watch_command(CLI::App& app, CommandRunner& runner);

/// Registers the hidden `dossier complete`, the helper of the shell completions.
void add_complete_command(CLI::App& app, CommandRunner& runner);

}  // namespace dossier::cli
