#include "dossier/server/search_pool.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "dossier/indexer/indexer.h"
#include "dossier/searcher/search_errors.h"
#include "job_gate.h"
#include "temp_dir.h"

using dossier::server::Admission;
using dossier::server::SearchPool;
using dossier::server::ServerBusyError;
using dossier::testing::TempDir;

namespace {

// An index of one report, for pools to open.
class OneReport {
 public:
  OneReport() {
    folder_.write("a.txt", "Report\nEspionage in Europe.");
    dossier::indexer::IndexOptions options;
    options.database = index_.path() / "db";
    options.roots = {folder_.path()};
    dossier::indexer::run_index(options);
    database_ = options.database;
  }
  std::vector<std::filesystem::path> databases() const { return {database_}; }

 private:
  TempDir folder_, index_;
  std::filesystem::path database_;
};

void wait_until_queued(const SearchPool& pool, std::size_t jobs) {
  while (pool.waiting() < jobs)
    std::this_thread::yield();
}

}  // namespace

TEST_CASE("a job runs on a worker's searcher and returns its value", "[search_pool]") {
  const OneReport report;
  SearchPool pool(report.databases(), {2, 4});
  CHECK(pool.threads() == 2);
  const std::size_t total = pool.call([](dossier::searcher::Searcher& searcher) {
    dossier::searcher::SearchRequest request;
    request.query = "espionage";
    return searcher.search(request).total;
  });
  CHECK(total == 1);
}

TEST_CASE("a job's exception reaches its caller", "[search_pool]") {
  const OneReport report;
  SearchPool pool(report.databases(), {1, 1});
  CHECK_THROWS_WITH(pool.run([](dossier::searcher::Searcher&) { throw std::runtime_error("boom"); }), "boom");
  CHECK(pool.call([](dossier::searcher::Searcher&) { return 7; }) == 7);
}

TEST_CASE("no more jobs run at once than there are workers", "[search_pool]") {
  const OneReport report;
  SearchPool pool(report.databases(), {2, 64});
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < 12; ++i) {
    callers.emplace_back([&] {
      pool.run([&](dossier::searcher::Searcher& searcher) {
        const int now = ++running;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        dossier::searcher::SearchRequest request;
        request.query = "europe";
        searcher.search(request);
        --running;
      });
    });
  }
  for (std::thread& caller : callers)
    caller.join();
  CHECK(most.load() >= 1);
  CHECK(most.load() <= 2);
}

TEST_CASE("a full queue refuses a job at once, and has room again when a worker frees up", "[search_pool]") {
  const OneReport report;
  SearchPool pool(report.databases(), {1, 1});
  dossier::testing::JobGate gate;
  std::thread busy([&] { pool.run([&](dossier::searcher::Searcher&) { gate.hold(); }); });
  gate.wait_until_held();  // the worker holds the first job
  std::thread queued([&] { pool.run([](dossier::searcher::Searcher&) {}); });
  wait_until_queued(pool, 1);  // the second waits in the queue
  CHECK_THROWS_AS(pool.run([](dossier::searcher::Searcher&) {}), ServerBusyError);
  // A response already under way waits for room instead.
  std::atomic<bool> done{false};
  std::thread patient(
      [&] { pool.run([&](dossier::searcher::Searcher&) { done = true; }, Admission::WaitForRoom); });
  gate.release();
  busy.join();
  queued.join();
  patient.join();
  CHECK(done);
  CHECK(pool.waiting() == 0);
}

TEST_CASE("a pool over a missing index fails when it is made", "[search_pool]") {
  const TempDir empty;
  const std::vector<std::filesystem::path> missing{empty.path() / "nothing"};
  CHECK_THROWS_AS(SearchPool(missing, {1, 1}), dossier::searcher::IndexNotFoundError);
}
