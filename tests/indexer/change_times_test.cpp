// The first-indexed and changed times of documents: set once when a report enters the index,
// the changed time moved only when its content changes.
#include "change_times.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "dossier/analysis/schema.h"
#include "dossier/indexer/indexer.h"
#include "indexer_fixture.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
namespace schema = dossier::analysis::schema;
using dossier::indexer::ChangeClock;
using dossier::indexer::IndexOptions;
using dossier::indexer::run_index;
using dossier::testing::options_for;
using dossier::testing::TempDir;

namespace {

struct Times {
  std::int64_t first_indexed = 0;
  std::int64_t changed = 0;
  bool operator==(const Times&) const = default;
};

// The times stored for the document indexed from `path`; zeros when there is none.
Times times_of(const TempDir& index, const fs::path& path) {
  const Xapian::Database database((index.path() / "db").string());
  const std::string term = schema::unique_term(path.string());
  const auto it = database.postlist_begin(term);
  if (it == database.postlist_end(term)) return {};
  const Xapian::Document document = database.get_document(*it);
  return {schema::decode_int64(document.get_value(schema::kFirstIndexedSlot)).value_or(0),
          schema::decode_int64(document.get_value(schema::kChangedSlot)).value_or(0)};
}

void shift_mtime(const fs::path& file, int seconds) {
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(seconds));
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

TEST_CASE("a new report is first indexed and changed at the time of its run", "[indexer][change_times]") {
  const TempDir reports, index;
  const fs::path file = reports.write("a.txt", "alpha report");
  const std::int64_t before = now_ns();
  run_index(options_for(reports, index));
  const Times times = times_of(index, file);
  CHECK(times.first_indexed >= before);
  CHECK(times.first_indexed <= now_ns());
  CHECK(times.changed == times.first_indexed);
}

TEST_CASE("a touched report keeps both its times", "[indexer][change_times]") {
  const TempDir reports, index;
  const fs::path file = reports.write("a.txt", "alpha report");
  const IndexOptions options = options_for(reports, index);
  run_index(options);
  const Times before = times_of(index, file);
  shift_mtime(file, 7);
  REQUIRE(run_index(options).unchanged == 1);
  CHECK(times_of(index, file) == before);
}

TEST_CASE("a renamed report keeps both its times", "[indexer][change_times]") {
  const TempDir reports, index;
  const fs::path file = reports.write("a.txt", "a report that moves");
  const IndexOptions options = options_for(reports, index);
  run_index(options);
  const Times before = times_of(index, file);
  const fs::path moved = reports.path() / "b.txt";
  fs::rename(file, moved);
  REQUIRE(run_index(options).renamed == 1);
  CHECK(times_of(index, moved) == before);
}

TEST_CASE("a changed report keeps its first time and gets a later changed time", "[indexer][change_times]") {
  const TempDir reports, index;
  const fs::path file = reports.write("a.txt", "old words");
  const IndexOptions options = options_for(reports, index);
  run_index(options);
  const Times before = times_of(index, file);
  reports.write("a.txt", "new words, more of them");
  shift_mtime(file, 5);
  REQUIRE(run_index(options).updated == 1);
  const Times after = times_of(index, file);
  CHECK(after.first_indexed == before.first_indexed);
  CHECK(after.changed > before.changed);
}

TEST_CASE("a full run over unchanged reports keeps their times", "[indexer][change_times]") {
  const TempDir reports, index;
  const fs::path file = reports.write("a.txt", "alpha report");
  IndexOptions options = options_for(reports, index);
  run_index(options);
  const Times before = times_of(index, file);
  options.mode = dossier::indexer::RunMode::Full;
  REQUIRE(run_index(options).updated == 1);
  CHECK(times_of(index, file) == before);
}

TEST_CASE("a report written later in a run has a later changed time", "[indexer][change_times]") {
  const TempDir reports, index;
  const fs::path first = reports.write("a.txt", "first report");
  const fs::path second = reports.write("b.txt", "second report");
  IndexOptions options = options_for(reports, index);
  options.jobs = 1;
  run_index(options);
  const Times a = times_of(index, first), b = times_of(index, second);
  CHECK(a.changed != b.changed);
}

TEST_CASE("the change clock never gives the same time twice", "[indexer][change_times]") {
  ChangeClock clock;
  std::int64_t last = clock.next();
  for (int i = 0; i < 1000; ++i) {
    const std::int64_t next = clock.next();
    CHECK(next > last);
    last = next;
  }
}
