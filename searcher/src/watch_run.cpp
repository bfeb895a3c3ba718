#include "dossier/searcher/watch_run.h"

#include <algorithm>

#include "dossier/searcher/batch_search.h"
#include "dossier/searcher/search_errors.h"

namespace dossier::searcher {
namespace {

std::vector<analysis::Watch> chosen(std::vector<analysis::Watch> all, const std::vector<std::string>& names) {
  if (names.empty()) return all;
  std::vector<analysis::Watch> watches;
  for (const std::string& name : names) {
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const analysis::Watch& watch) { return watch.name == name; });
    if (it == all.end()) throw WatchNotFoundError(name);
    watches.push_back(*it);
  }
  return watches;
}

}  // namespace

SearchRequest watch_search(const analysis::Watch& watch) {
  SearchRequest search;
  search.query = watch.query;
  search.countries = watch.countries;
  search.actors = watch.actors;
  search.mode = watch.any ? MatchMode::Any : MatchMode::All;
  search.suggest = false;
  return search;
}

std::vector<WatchMatches> run_watches(Searcher& searcher, const WatchRunRequest& request) {
  const std::vector<analysis::Watch> watches = chosen(searcher.watches(), request.names);
  // Read before any search: what is committed meanwhile is later than this, and waits for the
  // next run rather than be reported twice.
  const std::int64_t until = searcher.latest_change().value_or(0);
  std::vector<WatchMatches> found;
  for (const analysis::Watch& watch : watches) {
    WatchMatches matches;
    matches.watch = watch;
    matches.since_ns = request.since_ns ? request.since_ns : watch.reported_until_ns;
    matches.reported_until_ns = std::max(until, watch.reported_until_ns.value_or(until));
    SearchRequest search = watch_search(watch);
    search.limit = request.limit;
    search.snippets = request.snippets;
    const std::int64_t since = matches.since_ns.value_or(0);
    search.first_indexed = TimeSpan{since, until};
    matches.added = searcher.search(search);
    search.first_indexed = TimeSpan{std::numeric_limits<std::int64_t>::min(), since};
    search.changed = TimeSpan{since, until};
    // A watch never run reports every match as new: nothing of it can have changed.
    if (matches.since_ns) matches.changed = searcher.search(search);
    found.push_back(std::move(matches));
  }
  return found;
}

std::vector<WatchNews> watch_news(Searcher& searcher) {
  std::vector<WatchNews> news;
  for (analysis::Watch& watch : searcher.watches()) {
    WatchNews item;
    WatchRunRequest request;
    request.names = {watch.name};
    request.limit = 0;
    request.snippets = false;
    item.error = query_failure([&] {
      const std::vector<WatchMatches> runs = run_watches(searcher, request);
      item.added = runs.front().added.total;
      item.changed = runs.front().changed.total;
    });
    item.watch = std::move(watch);
    news.push_back(std::move(item));
  }
  return news;
}

}  // namespace dossier::searcher
