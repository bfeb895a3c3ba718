// The real binary's `index --json` as a cron log reads it: one object for every run, with an
// "error" field that is null when the run finished and the reason when it could not.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::json_of;
using dossier::testing::ProcessResult;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

TEST_CASE("index --json prints its summary with error null when the run finished", "[e2e][index]") {
  const TempDir reports, index;
  reports.write("a.txt", "Volt Typhoon");
  const ProcessResult result =
      run_dossier({"index", reports.path().string(), "--db", (index.path() / "db").string(), "--json"});
  REQUIRE(result.exit_code == 0);
  const auto json = json_of(result);
  CHECK(json["added"] == 1);
  CHECK(json.contains("error"));
  CHECK(json["error"].is_null());
}

TEST_CASE("index --json prints the summary with the error when the index is locked or unusable",
          "[e2e][index]") {
  const TempDir reports, index;
  reports.write("a.txt", "Volt Typhoon");
  const std::string db = (index.path() / "db").string();
  REQUIRE(run_dossier({"index", reports.path().string(), "--db", db}).exit_code == 0);

  std::promise<void> locked;
  std::promise<void> release;
  std::future<void> holder = std::async(std::launch::async, [&] {
    Xapian::WritableDatabase writer(db, Xapian::DB_OPEN);
    locked.set_value();
    release.get_future().wait();
  });
  locked.get_future().wait();
  const ProcessResult refused =
      run_dossier({"index", reports.path().string(), "--db", db, "--json", "--wait", "0.5"});
  release.set_value();
  holder.wait();
  CHECK(refused.exit_code == 75);
  // The advice is part of the message, on stderr and in the JSON alike.
  const std::string message = "index " + db + " is locked by another writer (waited 0.5 s); try again later";
  CHECK(refused.err == "error: " + message + "\n");
  const auto json = json_of(refused);
  CHECK(json["error"] == message);
  CHECK(json["added"] == 0);
  CHECK(json["errors"].empty());
  CHECK(json["seconds"].get<double>() >= 0.5);

  const std::string file = reports.write("not-an-index", "x").string();
  const ProcessResult unusable = run_dossier({"index", reports.path().string(), "--db", file, "--json"});
  CHECK(unusable.exit_code == 2);
  CHECK(json_of(unusable)["error"] == "--db " + file + ": not a folder; an index is a folder");
}
