/// \file
/// What an index already holds, file by file: what an incremental run compares against.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <unordered_map>

#include "dossier/analysis/digest.h"

namespace dossier::indexer {

/// One file the index holds.
struct StoredFile {
  Xapian::docid docid = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  analysis::Digest content_digest;  ///< of the bytes indexed
  analysis::Digest root_digest;     ///< of the root's path
  bool seen = false;                ///< found by this run's walk (`IndexState::mark_seen`)
};

/// Every file an index holds, keyed by the digest of its path. Loaded with a few sequential passes
/// over value slots (no lookup per file), so that comparing a walk with the index costs little
/// even for hundreds of thousands of files.
class IndexState {
 public:
  /// Map from path digest to what is stored for that path.
  using Files = std::unordered_map<analysis::Digest, StoredFile, analysis::DigestHash>;

  /// Reads the state of `database`. Documents without a well-formed path digest (not written by
  /// an incremental Dossier) are left out. Throws `Xapian::Error` when the database cannot be read.
  static IndexState load(const Xapian::Database& database);

  /// The stored file whose path has `path_digest`, or nullptr.
  const StoredFile* find(const analysis::Digest& path_digest) const;

  /// All stored files by path digest.
  const Files& files() const noexcept { return files_; }

  /// Marks the stored file with `path_digest` as found by this run's walk. False when there is no
  /// such file or it was marked before (the same file under two roots).
  bool mark_seen(const analysis::Digest& path_digest);

  /// How many stored files were found under the root with `root_digest`.
  std::size_t count_under(const analysis::Digest& root_digest) const;

 private:
  Files files_;
};

}  // namespace dossier::indexer
