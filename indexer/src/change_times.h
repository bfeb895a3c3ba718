/// \file
/// When each document entered the index and when its content last changed: the first-indexed and
/// changed value slots, which watches compare against.
#pragma once

#include <xapian.h>

#include <cstdint>

namespace dossier::indexer {

/// Hands out write times for one run: nanoseconds since the epoch from the system clock, each
/// later than the one before, so that documents written later in a run (and so committed later)
/// never have an earlier time. Not thread-safe: the writer thread owns it.
class ChangeClock {
 public:
  /// The next write time.
  std::int64_t next();

 private:
  std::int64_t last_ = 0;
};

/// What became of a document's content when it is written again.
enum class ContentChange {
  Same,     ///< the same bytes (a rename, or a rebuild after the gazetteer changed)
  Changed,  ///< different bytes
};

/// Gives a document entering the index for the first time both times `now_ns`.
void stamp_new(Xapian::Document& document, std::int64_t now_ns);

/// Gives `document`, which replaces `previous`, the first-indexed time of `previous`, and its
/// changed time too when the content is the `Same`; else the changed time `now_ns`. A time missing
/// from `previous` counts as `now_ns`.
void carry_times(Xapian::Document& document, const Xapian::Document& previous, ContentChange change,
                 std::int64_t now_ns);

}  // namespace dossier::indexer
