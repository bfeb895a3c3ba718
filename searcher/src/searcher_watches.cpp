// The searcher's view of the saved watches (declared in searcher.h): read from the metadata the
// indexer's watch store writes.
#include <algorithm>

#include "dossier/analysis/schema.h"
#include "dossier/searcher/search_errors.h"
#include "dossier/searcher/searcher.h"

namespace dossier::searcher {

namespace schema = analysis::schema;

std::vector<analysis::Watch> Searcher::watches() {
  try {
    database_.reopen();
    std::vector<analysis::Watch> watches;
    const std::string prefix(schema::kWatchKeyPrefix);
    for (auto it = database_.metadata_keys_begin(prefix); it != database_.metadata_keys_end(prefix); ++it) {
      if (auto watch = analysis::decode_watch(database_.get_metadata(*it)))
        watches.push_back(std::move(*watch));
    }
    std::sort(watches.begin(), watches.end(),
              [](const analysis::Watch& a, const analysis::Watch& b) { return a.name < b.name; });
    return watches;
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot read the watches of " + description_ + ": " + e.get_description());
  }
}

std::optional<std::int64_t> Searcher::latest_change() {
  try {
    database_.reopen();
    // Xapian keeps each slot's bounds with the database: no document has to be read.
    return schema::decode_int64(database_.get_value_upper_bound(schema::kChangedSlot));
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot read " + description_ + ": " + e.get_description());
  }
}

}  // namespace dossier::searcher
