#include "dossier/indexer/watch_store.h"

#include <algorithm>
#include <stdexcept>

#include "dossier/indexer/index_writer.h"
#include "utc_time.h"

namespace dossier::indexer {
namespace {

// The command a waiting writer is told holds the lock.
constexpr const char* kHolder = "dossier watch";

IndexWriter open_writer(const WatchStore& store) {
  return IndexWriter(store.database, CommitPolicy{}, store.wait, kHolder);
}

}  // namespace

analysis::Watch add_watch(const WatchStore& store, analysis::Watch watch) {
  if (const std::string problem = analysis::watch_problem(watch); !problem.empty())
    throw std::invalid_argument(problem);
  watch.created = utc_now();
  watch.reported_until_ns.reset();
  watch.last_run.clear();
  IndexWriter writer = open_writer(store);
  writer.set_metadata(analysis::watch_key(watch.name), analysis::encode_watch(watch));
  writer.commit();
  return watch;
}

bool remove_watch(const WatchStore& store, const std::string& name) {
  std::error_code error;
  if (!analysis::watch_name_problem(name).empty() || !std::filesystem::exists(store.database, error))
    return false;
  IndexWriter writer = open_writer(store);
  if (writer.metadata(analysis::watch_key(name)).empty()) return false;
  writer.set_metadata(analysis::watch_key(name), "");
  writer.commit();
  return true;
}

void record_watch_runs(const WatchStore& store, const std::vector<WatchRunRecord>& runs) {
  if (runs.empty()) return;
  IndexWriter writer = open_writer(store);
  const std::string now = utc_now();
  for (const WatchRunRecord& run : runs) {
    auto watch = analysis::decode_watch(writer.metadata(analysis::watch_key(run.name)));
    if (!watch || watch->created != run.created) continue;
    watch->reported_until_ns =
        std::max(watch->reported_until_ns.value_or(run.reported_until_ns), run.reported_until_ns);
    watch->last_run = now;
    writer.set_metadata(analysis::watch_key(run.name), analysis::encode_watch(*watch));
  }
  writer.commit();
}

}  // namespace dossier::indexer
