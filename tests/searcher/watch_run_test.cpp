// Running saved watches on an index the indexer built: what is new, what changed, and where the
// next run starts.
#include "dossier/searcher/watch_run.h"

#include <catch2/catch.hpp>
#include <chrono>

#include "dossier/indexer/indexer.h"
#include "dossier/indexer/watch_store.h"
#include "dossier/searcher/search_errors.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using dossier::analysis::Watch;
using dossier::searcher::run_watches;
using dossier::searcher::Searcher;
using dossier::searcher::WatchMatches;
using dossier::searcher::WatchRunRequest;
using dossier::testing::TempDir;

namespace {

class Desk {
 public:
  fs::path db() const { return index_.path() / "db"; }
  const TempDir& reports() const { return reports_; }

  void index() const {
    dossier::indexer::IndexOptions options;
    options.database = db();
    options.roots = {reports_.path()};
    dossier::indexer::run_index(options);
  }

  void add(const std::string& name, const std::string& query) const {
    Watch watch;
    watch.name = name;
    watch.query = query;
    dossier::indexer::add_watch({db()}, watch);
  }

  std::vector<WatchMatches> run(WatchRunRequest request = {}) const {
    Searcher searcher(db());
    return run_watches(searcher, request);
  }

  // Runs every watch and records the run, as `dossier watch run` does after printing.
  std::vector<WatchMatches> run_and_record() const {
    std::vector<WatchMatches> runs = run();
    std::vector<dossier::indexer::WatchRunRecord> records;
    for (const WatchMatches& match : runs)
      records.push_back({match.watch.name, match.watch.created, match.reported_until_ns});
    dossier::indexer::record_watch_runs({db()}, records);
    return runs;
  }

 private:
  TempDir reports_, index_;
};

std::vector<std::string> names(const dossier::searcher::SearchResult& result) {
  std::vector<std::string> out;
  for (const auto& hit : result.hits)
    out.push_back(fs::path(hit.path).filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a watch never run reports every current match as new", "[searcher][watch]") {
  Desk desk;
  desk.reports().write("a.txt", "espionage in the port");
  desk.reports().write("b.txt", "espionage at sea");
  desk.reports().write("c.txt", "fishing quotas");
  desk.index();
  desk.add("spies", "espionage");
  const auto runs = desk.run();
  REQUIRE(runs.size() == 1);
  CHECK_FALSE(runs[0].since_ns);
  CHECK(names(runs[0].added) == std::vector<std::string>{"a.txt", "b.txt"});
  CHECK(runs[0].changed.total == 0);
}

TEST_CASE("after a recorded run only later documents are news, split into new and changed",
          "[searcher][watch]") {
  Desk desk;
  desk.reports().write("old.txt", "espionage in the port");
  const fs::path edited = desk.reports().write("edited.txt", "espionage draft");
  desk.index();
  desk.add("spies", "espionage");
  desk.run_and_record();
  CHECK_FALSE(desk.run()[0].has_news());
  desk.reports().write("fresh.txt", "espionage again");
  desk.reports().write("edited.txt", "espionage, the final text");
  fs::last_write_time(edited, fs::last_write_time(edited) + std::chrono::seconds(30));
  desk.index();
  const auto runs = desk.run();
  CHECK(names(runs[0].added) == std::vector<std::string>{"fresh.txt"});
  CHECK(names(runs[0].changed) == std::vector<std::string>{"edited.txt"});
}

TEST_CASE("a run reports up to the index's latest change, and the next starts there", "[searcher][watch]") {
  Desk desk;
  desk.reports().write("a.txt", "espionage");
  desk.index();
  desk.add("spies", "espionage");
  Searcher searcher(desk.db());
  const auto latest = searcher.latest_change();
  REQUIRE(latest);
  const auto runs = desk.run_and_record();
  CHECK(runs[0].reported_until_ns == *latest);
  CHECK(Searcher(desk.db()).watches()[0].reported_until_ns == *latest);
  WatchRunRequest since_before;
  since_before.since_ns = *latest - 1;
  CHECK(desk.run(since_before)[0].added.total == 1);
}

TEST_CASE("running a watch that does not exist names it", "[searcher][watch]") {
  Desk desk;
  desk.reports().write("a.txt", "espionage");
  desk.index();
  desk.add("spies", "espionage");
  WatchRunRequest request;
  request.names = {"spies", "ghosts"};
  CHECK_THROWS_MATCHES(desk.run(request), dossier::searcher::WatchNotFoundError,
                       Catch::Message("no watch named 'ghosts' (see 'dossier watch list')"));
}

TEST_CASE("watches are listed by name and a removed one is gone", "[searcher][watch]") {
  Desk desk;
  desk.add("zeta", "z");
  desk.add("alpha", "a");
  desk.add("mid", "m");
  CHECK(dossier::indexer::remove_watch({desk.db()}, "mid"));
  CHECK_FALSE(dossier::indexer::remove_watch({desk.db()}, "mid"));
  const auto watches = Searcher(desk.db()).watches();
  REQUIRE(watches.size() == 2);
  CHECK(watches[0].name == "alpha");
  CHECK(watches[1].name == "zeta");
}

TEST_CASE("a watch added again counts as never run", "[searcher][watch]") {
  Desk desk;
  desk.reports().write("a.txt", "espionage");
  desk.index();
  desk.add("spies", "espionage");
  desk.run_and_record();
  desk.add("spies", "espionage");
  CHECK(desk.run()[0].added.total == 1);
}
