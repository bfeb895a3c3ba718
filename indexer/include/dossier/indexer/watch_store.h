/// \file
/// Writes the saved watches kept in the index's metadata: each change is one commit under the
/// index's writer lock, so a reader (or a process killed half-way) sees the old list or the new
/// one, never a part of either.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "dossier/analysis/watch.h"

namespace dossier::indexer {

/// Which index to change, and how long to wait for another writer to let go of it.
struct WatchStore {
  std::filesystem::path database;
  std::chrono::milliseconds wait{0};
};

/// Saves `watch` (creating the index when there is none yet), replacing a watch of the same name,
/// which then counts as never run. Sets `created` to now and clears what the runs recorded;
/// returns the watch as saved. Throws `std::invalid_argument` for a watch
/// `analysis::watch_problem` refuses, `IndexLockedError` and `IndexWriteError` as `IndexWriter`.
analysis::Watch add_watch(const WatchStore& store, analysis::Watch watch);

/// Removes the watch called `name`; false when there is none (nor, then, any index created).
/// Throws as `add_watch`.
bool remove_watch(const WatchStore& store, const std::string& name);

/// What one run of a watch reported, to record once it has been printed.
struct WatchRunRecord {
  std::string name;
  std::string created;                 ///< of the watch that ran (`analysis::Watch::created`)
  std::int64_t reported_until_ns = 0;  ///< documents changed up to this time were reported
};

/// Records `runs`: each watch's `reported_until_ns` (never moved back) and `last_run` (now). A
/// watch removed or added again since it ran is left alone. Throws as `add_watch`.
void record_watch_runs(const WatchStore& store, const std::vector<WatchRunRecord>& runs);

}  // namespace dossier::indexer
