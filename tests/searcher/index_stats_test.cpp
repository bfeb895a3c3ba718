// `dossier stats` from the library: what an index holds, and the files that still fail.
#include "dossier/searcher/index_stats.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "dossier/indexer/indexer.h"
#include "temp_dir.h"

using dossier::testing::TempDir;

TEST_CASE("stats list the files that still fail with reason and since, in path order", "[index_stats]") {
  const TempDir reports, index;
  reports.write("b-big.txt", std::string(3000, 'x'));
  reports.write("a-big.txt", std::string(2000, 'x'));
  reports.write("ok.txt", "fine");
  dossier::indexer::IndexOptions options;
  options.database = index.path() / "db";
  options.roots = {reports.path()};
  options.max_file_bytes = 1000;
  dossier::indexer::run_index(options);
  dossier::indexer::run_index(options);
  const auto stats = dossier::searcher::read_index_stats(options.database, 10);
  REQUIRE(stats.failed_files.size() == 2);
  CHECK(stats.failed_files[0].path == (reports.path() / "a-big.txt").string());
  CHECK(stats.failed_files[1].path == (reports.path() / "b-big.txt").string());
  CHECK_FALSE(stats.failed_files[0].reason.empty());
  CHECK(stats.failed_files[0].since.ends_with("Z"));
  REQUIRE(stats.last_run);
  CHECK(stats.last_run->failed == 2);
  CHECK(stats.last_run->failed_before == 2);
  const auto json = nlohmann::json::parse(dossier::searcher::stats_to_json(stats));
  CHECK(json["failed_files"][1]["path"] == stats.failed_files[1].path);
  CHECK(json["failed_files"][1]["since"] == stats.failed_files[1].since);
  CHECK(json["last_run"]["failed_before"] == 2);
  const std::string text = dossier::searcher::stats_to_text(stats);
  CHECK(text.find("failing files: 2\n  " + stats.failed_files[0].path + ": " + stats.failed_files[0].reason +
                  " (since " + stats.failed_files[0].since + ")\n") != std::string::npos);
}
