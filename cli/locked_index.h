/// \file
/// What `index` and `forget` say when another writer holds the index.
#pragma once

#include <cstdio>

#include "dossier/indexer/index_writer.h"

namespace dossier::cli {

/// Prints the library's message (which names the holder when it can) and what to do about it:
/// "error: index DIR is locked by dossier index (pid 1234 on host x, since ...); try again later
/// or use --wait" (without the --wait advice when the command waited already).
inline void print_locked(const indexer::IndexLockedError& error, double wait_seconds) {
  std::fprintf(stderr, "error: %s; try again later%s\n", error.what(),
               wait_seconds > 0 ? "" : " or use --wait");
}

}  // namespace dossier::cli
