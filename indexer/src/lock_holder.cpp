#include "lock_holder.h"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

#include "utc_time.h"

namespace dossier::indexer {
namespace {

namespace fs = std::filesystem;

// Beside Xapian's own files, inside the database folder (Xapian ignores files it does not know).
constexpr const char* kNoteName = "dossier-writer";

std::string host_name() {
  std::array<char, 256> name{};
  if (::gethostname(name.data(), name.size() - 1) != 0) return "unknown";
  return name.data();
}

// The name /proc gives `pid`'s program; "" when /proc does not tell.
std::string program_of(const std::string& pid) {
  std::ifstream comm("/proc/" + pid + "/comm");
  std::string name;
  if (!comm || !std::getline(comm, name)) return {};
  return name;
}

// "command TAB pid TAB host TAB since TAB program": one line, fields without tabs.
std::string encode(const LockHolder& holder) {
  return holder.command + '\t' + std::to_string(holder.pid) + '\t' + holder.host + '\t' + holder.since +
         '\t' + holder.program + '\n';
}

std::optional<LockHolder> decode(const std::string& line) {
  std::istringstream in(line);
  LockHolder holder;
  std::string pid;
  if (!std::getline(in, holder.command, '\t') || !std::getline(in, pid, '\t') ||
      !std::getline(in, holder.host, '\t') || !std::getline(in, holder.since, '\t')) {
    return std::nullopt;
  }
  std::getline(in, holder.program);
  try {
    holder.pid = static_cast<pid_t>(std::stol(pid));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (holder.pid <= 0 || holder.command.empty()) return std::nullopt;
  return holder;
}

// True when `holder` still runs on this host: its pid is alive (kill 0 succeeds, or is refused
// for another user's process) and, when /proc tells, runs the program that wrote the note.
bool still_runs(const LockHolder& holder) {
  if (::kill(holder.pid, 0) != 0 && errno != EPERM) return false;
  const std::string program = program_of(std::to_string(holder.pid));
  return program.empty() || holder.program.empty() || program == holder.program;
}

}  // namespace

LockHolder this_process(std::string command) {
  return {std::move(command), ::getpid(), host_name(), utc_now(), program_of("self")};
}

void record_lock_holder(const fs::path& database, const LockHolder& holder) noexcept {
  try {
    const fs::path note = database / kNoteName;
    const fs::path temporary =
        database / (std::string(kNoteName) + "." + std::to_string(holder.pid) + ".tmp");
    {
      std::ofstream out(temporary, std::ios::trunc);
      out << encode(holder);
      if (!out.flush()) return;
    }
    std::error_code error;
    fs::rename(temporary, note, error);
    if (error) fs::remove(temporary, error);
  } catch (...) {
    // Best effort: the lock works without its note.
  }
}

void clear_lock_holder(const fs::path& database, pid_t pid) noexcept {
  try {
    std::ifstream in(database / kNoteName);
    std::string line;
    if (!std::getline(in, line)) return;
    const auto holder = decode(line);
    if (!holder || holder->pid != pid) return;
    in.close();
    std::error_code error;
    fs::remove(database / kNoteName, error);
  } catch (...) {
  }
}

std::optional<LockHolder> read_lock_holder(const fs::path& database) noexcept {
  try {
    std::ifstream in(database / kNoteName);
    std::string line;
    if (!std::getline(in, line)) return std::nullopt;
    auto holder = decode(line);
    if (!holder) return std::nullopt;
    if (holder->host == host_name() && !still_runs(*holder)) return std::nullopt;
    return holder;
  } catch (...) {
    return std::nullopt;
  }
}

std::string describe(const LockHolder& holder) {
  return holder.command + " (pid " + std::to_string(holder.pid) + " on host " + holder.host + ", since " +
         holder.since + ")";
}

}  // namespace dossier::indexer
