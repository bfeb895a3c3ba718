// `dossier forget ROOT` through the real binary: a root retired on purpose stops making every
// scheduled run exit 2, and leaves searches and `dossier stats`.
#include <xapian.h>

#include <catch2/catch.hpp>

#include "dossier_runner.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using dossier::testing::json_of;
using dossier::testing::ProcessResult;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

TEST_CASE("forget retires an emptied root: its documents and stats entry go, runs exit 0", "[e2e][forget]") {
  const TempDir parent, index;
  const fs::path db = index.path() / "db";
  const fs::path old_root = parent.path() / "old";
  const fs::path kept = parent.path() / "kept";
  parent.write("old/a.txt", "Volt Typhoon in the old share");
  parent.write("old/big.txt", std::string(500, 'x'));
  parent.write("kept/b.txt", "Salt Typhoon in the kept share");
  const std::vector<std::string> run = {"index",     old_root.string(), kept.string(), "--db",
                                        db.string(), "--max-size",      "100"};
  REQUIRE(run_dossier(run).exit_code == 1);  // big.txt fails
  fs::remove_all(old_root);
  fs::create_directories(old_root);
  const ProcessResult emptied = run_dossier(run);
  CHECK(emptied.exit_code == 2);
  CHECK_THAT(emptied.err, Catch::Contains("dossier forget " + old_root.string()));

  const ProcessResult forgot = run_dossier({"forget", old_root.string(), "--db", db.string()});
  INFO(forgot.err);
  CHECK(forgot.exit_code == 0);
  CHECK(forgot.out == "forgot " + old_root.string() + ": 1 documents, 1 failed files, 0 link loops\n");
  CHECK(run_dossier(run).exit_code == 0);
  const auto hits = json_of(run_dossier({"search", "typhoon", "--db", db.string(), "--json"}));
  REQUIRE(hits["total"] == 1);
  CHECK(hits["hits"][0]["path"] == (kept / "b.txt").string());
  const auto stats = json_of(run_dossier({"stats", "--db", db.string(), "--json"}));
  REQUIRE(stats["roots"].size() == 2);  // the old root is back: the last run named it again
  fs::remove_all(old_root);
  REQUIRE(run_dossier({"forget", old_root.string(), "--db", db.string(), "--json"}).exit_code == 0);
  const auto after = json_of(run_dossier({"stats", "--db", db.string(), "--json"}));
  REQUIRE(after["roots"].size() == 1);
  CHECK(after["roots"][0]["path"] == kept.string());
  CHECK(after["failed_files"].empty());
}

TEST_CASE("forget of an unknown root exits 2 naming the index's roots; a locked index exits 75",
          "[e2e][forget]") {
  const TempDir reports, index;
  reports.write("a.txt", "text");
  const std::string db = dossier::testing::index_into(reports.path(), index);
  const ProcessResult unknown = run_dossier({"forget", "/no/such/root", "--db", db});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "error: /no/such/root is not a root of index " + db +
                           " (its roots: " + reports.path().string() + ")\n");
  const ProcessResult json =
      run_dossier({"forget", reports.path().string(), "--db", db, "--json", "--wait", "1"});
  CHECK(json.exit_code == 0);
  CHECK(json_of(json)["documents"] == 1);
  CHECK(run_dossier({"forget", "/x", "--db", (index.path() / "none").string()}).exit_code == 2);
  CHECK_FALSE(fs::exists(index.path() / "none"));
  {
    const Xapian::WritableDatabase holder(db, Xapian::DB_OPEN);
    const ProcessResult locked =
        run_dossier({"forget", reports.path().string(), "--db", db, "--wait", "0.3"});
    CHECK(locked.exit_code == 75);
    CHECK_THAT(locked.err, Catch::StartsWith("error: index " + db + " is locked"));
  }
  const ProcessResult help = run_dossier({"--help"});
  CHECK_THAT(help.out, Catch::Contains("forget"));
}

TEST_CASE("forget with an empty root, an empty --db or a negative --wait is a one-line usage error",
          "[e2e][forget]") {
  const TempDir index;
  const std::string db = (index.path() / "db").string();
  const ProcessResult empty_root = run_dossier({"forget", "", "--db", db});
  CHECK(empty_root.exit_code == 2);
  CHECK(empty_root.err == "error: ROOT: the path is empty\n");
  const ProcessResult empty_db = run_dossier({"forget", "/data", "--db", ""});
  CHECK(empty_db.exit_code == 2);
  CHECK(empty_db.err == "error: --db: the path is empty\n");
  const ProcessResult negative = run_dossier({"forget", "/data", "--db", db, "--wait", "-1"});
  CHECK(negative.exit_code == 2);
  CHECK(negative.err == "error: --wait: must be at least 0 seconds (got -1)\n");
  // None of them made an index.
  CHECK_FALSE(fs::exists(db));
}
