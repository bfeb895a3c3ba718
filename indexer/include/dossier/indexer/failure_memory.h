/// \file
/// Files that failed in an earlier run: retried only when they change.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "dossier/indexer/index_writer.h"

namespace dossier::indexer {

/// A file that could not be indexed, as it was when it failed.
struct RememberedFailure {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string root_digest;  ///< of the root it was found under
  std::string reason;
};

/// The failed files an index remembers (in its metadata, committed with the documents), keyed by
/// path digest.
class FailureMemory {
 public:
  /// Reads every remembered failure. Throws `IndexWriteError`.
  static FailureMemory load(const IndexWriter& writer);

  /// The failure remembered for `path_digest`, or nullptr.
  const RememberedFailure* find(const std::string& path_digest) const;

  /// Remembers (or updates) a failure. Throws `IndexWriteError`.
  void remember(IndexWriter& writer, const std::string& path_digest, const RememberedFailure& failure);

  /// Forgets a failure (the file was indexed, or is gone). Throws `IndexWriteError`.
  void forget(IndexWriter& writer, const std::string& path_digest);

  /// Every remembered failure.
  const std::unordered_map<std::string, RememberedFailure>& all() const noexcept { return failures_; }

 private:
  std::unordered_map<std::string, RememberedFailure> failures_;
};

}  // namespace dossier::indexer
