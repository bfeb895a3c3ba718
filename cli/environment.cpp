#include "environment.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include "dossier/analysis/printable.h"

namespace dossier::cli {
namespace {

using analysis::printable;

std::optional<std::string> variable(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

}  // namespace

DatabaseEnvironment read_database_environment() {
  return {variable("DOSSIER_DB"), variable("XDG_DATA_HOME"), variable("HOME"), variable("XDG_CONFIG_HOME")};
}

std::filesystem::path index_folder(const std::filesystem::path& path, const std::string& source) {
  std::error_code error;
  if (std::filesystem::exists(path, error) && !std::filesystem::is_directory(path, error)) {
    throw std::runtime_error((source.empty() ? "" : source + " ") + printable(path.string()) +
                             ": not a folder; an index is a folder");
  }
  return path;
}

std::filesystem::path resolve_database(const std::optional<std::string>& flag,
                                       const DatabaseEnvironment& env) {
  if (flag && !flag->empty()) return index_folder(*flag, "--db");
  if (env.dossier_db) return index_folder(*env.dossier_db, "$DOSSIER_DB");
  if (env.xdg_data_home)
    return index_folder(std::filesystem::path(*env.xdg_data_home) / "dossier" / "index", "");
  if (env.home)
    return index_folder(std::filesystem::path(*env.home) / ".local" / "share" / "dossier" / "index", "");
  throw std::runtime_error("no index location: use --db DIR or set DOSSIER_DB");
}

std::vector<std::filesystem::path> resolve_databases(const std::vector<std::string>& flags,
                                                     const DatabaseEnvironment& env) {
  if (flags.empty()) return {resolve_database(std::nullopt, env)};
  std::vector<std::filesystem::path> folders;
  for (const std::string& flag : flags)
    folders.push_back(index_folder(flag, "--db"));
  return folders;
}

std::optional<std::filesystem::path> default_user_gazetteer(const DatabaseEnvironment& env) {
  if (env.xdg_config_home) return std::filesystem::path(*env.xdg_config_home) / "dossier" / "gazetteer.tsv";
  if (env.home) return std::filesystem::path(*env.home) / ".config" / "dossier" / "gazetteer.tsv";
  return std::nullopt;
}

std::vector<std::filesystem::path> gazetteer_files(const std::vector<std::string>& flags,
                                                   const DatabaseEnvironment& env) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  if (const auto user = default_user_gazetteer(env); user && std::filesystem::exists(*user, error)) {
    files.push_back(*user);
  }
  files.insert(files.end(), flags.begin(), flags.end());
  return files;
}

bool is_terminal(std::FILE* stream) {
  return ::isatty(::fileno(stream)) == 1;
}

std::size_t terminal_width(std::FILE* stream) {
  if (const auto columns = variable("COLUMNS")) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(columns->data(), columns->data() + columns->size(), value);
    if (error == std::errc() && end == columns->data() + columns->size() && value > 0) return value;
  }
  winsize size{};
  if (::ioctl(::fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

bool terminal_is_dumb() {
  const auto term = variable("TERM");
  return term && *term == "dumb";
}

bool wants_color(std::FILE* stream) {
  return is_terminal(stream) && !variable("NO_COLOR") && !terminal_is_dumb();
}

}  // namespace dossier::cli
