// Symbolic-link loops an index remembers, so that each is warned about once, not in every run.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "dossier/indexer/index_writer.h"

namespace dossier::indexer {

/// The loops seen by earlier runs (metadata `dossier.loop.<path digest>`, committed with the
/// documents), keyed by path digest, with the digest of the root they were found under.
class LinkLoops {
 public:
  /// Reads every remembered loop. Throws `IndexWriteError`.
  static LinkLoops load(const IndexWriter& writer);

  /// Records that this run met the loop at `path_digest` (under `root_digest`); true when no
  /// earlier run did, so it is news worth a warning. Throws `IndexWriteError`.
  bool meet(IndexWriter& writer, const std::string& path_digest, const std::string& root_digest,
            const std::string& reason);

  /// Forgets the loops of `roots` (root digests walked completely) that this run did not meet:
  /// they were removed or fixed, and a new one there is news again. Throws `IndexWriteError`.
  void forget_unmet(IndexWriter& writer, const std::unordered_set<std::string>& roots);

  /// Forgets every loop found under `root_digest` (the root is retired); returns how many.
  /// Throws `IndexWriteError`.
  std::size_t forget_root(IndexWriter& writer, const std::string& root_digest);

 private:
  // Forgets the loops for which `gone(path digest, root digest)`; returns how many.
  std::size_t forget_if(IndexWriter& writer,
                        const std::function<bool(const std::string&, const std::string&)>& gone);

  std::unordered_map<std::string, std::string> roots_;  // path digest -> root digest
  std::unordered_set<std::string> met_;
};

}  // namespace dossier::indexer
