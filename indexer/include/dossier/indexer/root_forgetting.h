/// \file
/// Retiring a root: its documents and everything the index remembers about it go.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace dossier::indexer {

/// The root named is not one the index holds (the message lists those it does).
class UnknownRootError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Which root to forget, and where.
struct ForgetOptions {
  std::filesystem::path database;     ///< folder of the Xapian database (must exist)
  std::filesystem::path root;         ///< as it was indexed, in any spelling ("corpus", "./corpus/")
  std::chrono::milliseconds wait{0};  ///< how long to wait for another writer's lock
};

/// What forgetting a root removed.
struct ForgetReport {
  std::string root;           ///< the root's path as the index knew it
  std::size_t documents = 0;  ///< documents removed
  std::size_t failures = 0;   ///< remembered failed files removed
  std::size_t loops = 0;      ///< remembered symbolic-link loops removed
};

/// Removes the root `options.root` from the index at `options.database`: every document found
/// under it, its remembered failures and link loops, and its root record (so `dossier stats` no
/// longer lists it and `dossier index` no longer holds its emptiness against it). Takes the
/// writer's lock like `run_index` (waiting up to `options.wait`) and commits once at the end, so a
/// crash leaves the root whole or gone. The root is found by its canonical path, as `run_index`
/// records it, or by the path stored for it. Throws `UnknownRootError` when the index holds no
/// such root, `IndexLockedError` when another writer holds the database, `IndexWriteError` when
/// there is no index there or it cannot be written.
ForgetReport forget_root(const ForgetOptions& options);

/// The report as one JSON object (an interface: see DESIGN.md): `{"root": "...", "documents": N,
/// "failed_files": N, "loops": N}`; a root path that is not UTF-8 shows U+FFFD for bad bytes.
std::string forget_report_to_json(const ForgetReport& report);

/// The report as one line: "forgot /srv/old: 12 documents, 1 failed files, 0 link loops", the
/// path made printable.
std::string forget_report_to_line(const ForgetReport& report);

}  // namespace dossier::indexer
