/// \file
/// The exit codes of the `dossier` binary: an interface for scripts and schedulers (see DESIGN.md).
#pragma once

namespace dossier::cli {

inline constexpr int kExitOk = 0;          ///< success: something matched / every file indexed
inline constexpr int kExitNoMatch = 1;     ///< search: nothing matched
inline constexpr int kExitSomeFailed = 1;  ///< index: some files failed, the rest were indexed
inline constexpr int kExitError =
    2;  ///< bad arguments, bad query, unusable index, root missing/unreadable/suddenly empty
inline constexpr int kExitLocked = 75;  ///< index: another writer holds the database (EX_TEMPFAIL)

}  // namespace dossier::cli
