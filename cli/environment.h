/// \file
/// What the CLI reads from its process environment: the default index location and whether
/// output goes to a terminal that wants colour. Libraries never read the environment; the CLI
/// passes these values in.
#pragma once

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dossier::cli {

/// Environment values that decide the default database location.
struct DatabaseEnvironment {
  std::optional<std::string> dossier_db;       ///< $DOSSIER_DB
  std::optional<std::string> xdg_data_home;    ///< $XDG_DATA_HOME
  std::optional<std::string> home;             ///< $HOME
  std::optional<std::string> xdg_config_home;  ///< $XDG_CONFIG_HOME
};

/// Reads `DatabaseEnvironment` from the process environment (empty variables count as unset).
DatabaseEnvironment read_database_environment();

/// The `--db` help of the commands that default as `resolve_database` does, in that order.
inline constexpr const char* kDatabaseFlagHelp =
    "Index folder (default: $DOSSIER_DB, else $XDG_DATA_HOME/dossier/index, else "
    "~/.local/share/dossier/index)";

/// The database to use: `flag` if given, else $DOSSIER_DB, else $XDG_DATA_HOME/dossier/index, else
/// $HOME/.local/share/dossier/index. Throws `std::runtime_error` when none can be determined, or
/// when the location is a file (`index_folder`).
std::filesystem::path resolve_database(const std::optional<std::string>& flag,
                                       const DatabaseEnvironment& env);

/// The indexes a reading command uses: `flags` (repeated --db, each checked by `index_folder`), else
/// the one `resolve_database` finds without a flag.
std::vector<std::filesystem::path> resolve_databases(const std::vector<std::string>& flags,
                                                     const DatabaseEnvironment& env);

/// `path`, unless it names something that is not a folder: then throws `std::runtime_error`
/// "SOURCE PATH: not a folder; an index is a folder" (SOURCE: where the location came from, "--db" or
/// "$DOSSIER_DB", or ""), the same words for every command.
std::filesystem::path index_folder(const std::filesystem::path& path, const std::string& source);

/// The user's default watchlist, $XDG_CONFIG_HOME/dossier/gazetteer.tsv, else
/// ~/.config/dossier/gazetteer.tsv; `std::nullopt` when neither variable is set.
std::optional<std::filesystem::path> default_user_gazetteer(const DatabaseEnvironment& env);

/// The gazetteer files a command uses: the default user watchlist if it exists, then `flags`.
std::vector<std::filesystem::path> gazetteer_files(const std::vector<std::string>& flags,
                                                   const DatabaseEnvironment& env);

/// True when `stream` is a terminal.
bool is_terminal(std::FILE* stream);

/// Columns to lay text out in on the terminal `stream`: $COLUMNS when it is a positive number, else
/// the terminal's own width (TIOCGWINSZ), else 80.
std::size_t terminal_width(std::FILE* stream);

/// True when $TERM is "dumb": the terminal cannot redraw a line.
bool terminal_is_dumb();

/// True when colour should be used on `stream`: a terminal, $NO_COLOR unset or empty, $TERM not "dumb".
bool wants_color(std::FILE* stream);

}  // namespace dossier::cli
