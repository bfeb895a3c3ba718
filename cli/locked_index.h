/// \file
/// What `index` and `forget` say when another writer holds the index.
#pragma once

#include <cstdio>
#include <string>

#include "dossier/indexer/index_writer.h"

namespace dossier::cli {

/// The library's message (which names the holder when it can) and what to do about it: "index DIR
/// is locked by dossier index (pid 1234 on host x, since ...); try again later or use --wait"
/// (without the --wait advice when the command waited already).
inline std::string locked_message(const indexer::IndexLockedError& error, double wait_seconds) {
  return std::string(error.what()) + "; try again later" + (wait_seconds > 0 ? "" : " or use --wait");
}

/// Prints `locked_message` as one "error: " line on stderr.
inline void print_locked(const indexer::IndexLockedError& error, double wait_seconds) {
  std::fprintf(stderr, "error: %s\n", locked_message(error, wait_seconds).c_str());
}

}  // namespace dossier::cli
