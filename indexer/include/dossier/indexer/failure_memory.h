/// \file
/// Files that failed in an earlier run: retried only when they change.
#pragma once

#include <string>
#include <unordered_map>

#include "dossier/analysis/failure_record.h"
#include "dossier/indexer/index_writer.h"

namespace dossier::indexer {

/// The failed files an index remembers (in its metadata, committed with the documents), keyed by
/// path digest.
class FailureMemory {
 public:
  /// Reads every remembered failure; a value that does not decode is ignored (and replaced when
  /// that file fails again). Throws `IndexWriteError`.
  static FailureMemory load(const IndexWriter& writer);

  /// The failure remembered for `path_digest`, or nullptr.
  const analysis::FailureRecord* find(const std::string& path_digest) const;

  /// Remembers (or updates) a failure. A file that failed before and fails again keeps the
  /// `since` of its first failure. Throws `IndexWriteError`.
  void remember(IndexWriter& writer, const std::string& path_digest, analysis::FailureRecord failure);

  /// Forgets a failure (the file was indexed, or is gone). Throws `IndexWriteError`.
  void forget(IndexWriter& writer, const std::string& path_digest);

  /// Every remembered failure.
  const std::unordered_map<std::string, analysis::FailureRecord>& all() const noexcept { return failures_; }

 private:
  std::unordered_map<std::string, analysis::FailureRecord> failures_;
};

}  // namespace dossier::indexer
