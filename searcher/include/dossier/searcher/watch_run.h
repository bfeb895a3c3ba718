/// \file
/// Runs saved watches: for each, the documents that match it and are new or changed since its
/// last recorded run (or since a given time).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dossier/analysis/watch.h"
#include "dossier/searcher/searcher.h"

namespace dossier::searcher {

/// Which watches to run and what counts as news.
struct WatchRunRequest {
  std::vector<std::string> names;  ///< the watches to run, in this order; empty: all, by name
  /// News is what changed after this time (nanoseconds since the epoch); unset: after each watch's
  /// last recorded run, and every current match for a watch never run.
  std::optional<std::int64_t> since_ns;
  std::size_t limit = 10;  ///< hits listed per watch and kind (the totals are exact)
  bool snippets = true;    ///< make snippets (false for output without them)
};

/// What one watch found.
struct WatchMatches {
  analysis::Watch watch;
  std::optional<std::int64_t> since_ns;  ///< news is what changed after this; unset: everything
  /// Documents changed up to this time were looked at: what a run records, so that the next run
  /// starts there. Later documents are left to the next run, even if they were committed while
  /// this one ran, so none is missed and none reported twice.
  std::int64_t reported_until_ns = 0;
  SearchResult added;    ///< matches that first entered the index after `since_ns`
  SearchResult changed;  ///< matches indexed before `since_ns` whose content changed after it

  /// Whether anything is new or changed.
  bool has_news() const noexcept { return added.total + changed.total > 0; }
};

/// One saved watch and how many of its matches are news since its last recorded run.
struct WatchNews {
  analysis::Watch watch;
  std::size_t added = 0;    ///< matches first indexed since (every match for a watch never run)
  std::size_t changed = 0;  ///< matches indexed before whose content changed since
  std::string error;        ///< "" when it ran; else why not (a country the index no longer knows)
};

/// The watch as a search: its query, filters and word mode.
SearchRequest watch_search(const analysis::Watch& watch);

/// Runs the watches `request` names on the latest committed state of `searcher`'s index. Throws
/// `WatchNotFoundError` naming the first name that is no watch, and what `Searcher::search`
/// throws (a watch whose country the index no longer knows, say).
std::vector<WatchMatches> run_watches(Searcher& searcher, const WatchRunRequest& request);

/// Every watch of the index, by name, with the exact counts `run_watches` would report for it
/// (recording nothing: the index is only read). A watch whose query or names no longer run gets
/// its `error` and the others go on; throws `SearchError` when the index cannot be read.
std::vector<WatchNews> watch_news(Searcher& searcher);

}  // namespace dossier::searcher
