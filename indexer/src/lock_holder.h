// Who holds an index's writer lock: a note beside Xapian's lock, which names no holder.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>

namespace dossier::indexer {

/// The process that took the writer's lock.
struct LockHolder {
  std::string command;  ///< "dossier index", "dossier forget"
  pid_t pid = 0;
  std::string host;
  std::string since;  ///< when it took the lock, UTC ISO 8601
  /// The program's name as the kernel knows it (/proc/PID/comm; "" when unknown), so that a pid
  /// reused by another program is not taken for the holder.
  std::string program;
};

/// This process, about to hold the lock for `command`.
LockHolder this_process(std::string command);

/// Writes the note for `holder` into the database folder atomically (a temporary file renamed over
/// the old note), so a reader sees the old note or the new one, never half of one. Best effort:
/// a note that cannot be written only makes the lock message less precise. Never throws.
void record_lock_holder(const std::filesystem::path& database, const LockHolder& holder) noexcept;

/// Removes the note if it still names `pid` (a later holder's note is left alone). Never throws.
void clear_lock_holder(const std::filesystem::path& database, pid_t pid) noexcept;

/// The note's holder, to be consulted only while Xapian reports the lock held; nullopt when there
/// is none, it cannot be read, or it is stale: on this host, a process that no longer runs, or
/// one running another program (its pid was reused). A note from another host cannot be checked and is
/// trusted, since Xapian says someone holds the lock. Never throws.
std::optional<LockHolder> read_lock_holder(const std::filesystem::path& database) noexcept;

/// "dossier index (pid 1234 on host x, since 2026-12-02T10:00:00Z)".
std::string describe(const LockHolder& holder);

}  // namespace dossier::indexer
