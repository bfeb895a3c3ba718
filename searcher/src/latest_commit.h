// Reading an index while a writer commits: the searcher's retry of a piece of work on the latest
// commit, shared by the calls that read every shard.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "dossier/searcher/search_errors.h"

namespace dossier::searcher {

/// A writer commits in batches; a reader may need a few attempts during a long run.
inline constexpr int kMaxAttempts = 5;

/// What the retried work does, as its error messages say it.
enum class IndexAccess {
  Search,  ///< "kept changing during the search", "cannot search ..."
  Read,    ///< "kept changing while it was read", "cannot read ..."
};

/// Runs `work` after reopening `database` and each of `shards` on its latest commit, again when a
/// commit frees what it was reading (`DatabaseModifiedError`), at most `kMaxAttempts` times; any
/// other Xapian error becomes a `SearchError` naming `description`.
template <typename Work>
auto on_latest_commit(Xapian::Database& database, std::vector<Xapian::Database>& shards,
                      const std::string& description, IndexAccess access, Work work) {
  const bool search = access == IndexAccess::Search;
  for (int attempt = 1;; ++attempt) {
    try {
      database.reopen();
      for (Xapian::Database& shard : shards)
        shard.reopen();
      return work();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts) {
        throw SearchError(search ? "the index kept changing during the search; try again"
                                 : "the index kept changing while it was read; try again");
      }
    } catch (const Xapian::Error& e) {
      throw SearchError((search ? "cannot search " : "cannot read ") + description + ": " +
                        e.get_description());
    }
  }
}

}  // namespace dossier::searcher
