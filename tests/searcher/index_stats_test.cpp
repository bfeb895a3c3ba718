// `dossier stats` from the library: what an index (or several shards) holds, and the files that
// still fail.
#include "dossier/searcher/index_stats.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "dossier/indexer/indexer.h"
#include "dossier/searcher/search_errors.h"
#include "temp_dir.h"

using dossier::searcher::read_index_stats;
using dossier::testing::TempDir;

namespace {

std::filesystem::path indexed(const TempDir& folder, const TempDir& index) {
  dossier::indexer::IndexOptions options;
  options.database = index.path() / "db";
  options.roots = {folder.path()};
  dossier::indexer::run_index(options);
  return options.database;
}

}  // namespace

TEST_CASE("stats of several shards add their documents, roots and entities", "[index_stats]") {
  TempDir first_folder, second_folder;
  const TempDir first_index, second_index;
  first_folder.write("a.txt", "One\nNorway and China.");
  first_folder.write("b.txt", "Two\nNorway again.");
  second_folder.write("c.txt", "Three\nNorway, China and the MSS.");
  const auto first = indexed(first_folder, first_index);
  const auto second = indexed(second_folder, second_index);
  const auto stats = read_index_stats(std::vector<std::filesystem::path>{first, second}, 0);
  CHECK(stats.documents == 3);
  CHECK(stats.database == first.string() + ", " + second.string());
  REQUIRE(stats.roots.size() == 2);
  CHECK(stats.roots[0].documents + stats.roots[1].documents == 3);
  REQUIRE_FALSE(stats.countries.empty());
  CHECK(stats.countries[0].value == "NO");
  CHECK(stats.countries[0].count == 3);
  CHECK(stats.last_run.has_value());
  CHECK(stats.size_bytes == read_index_stats(first, 0).size_bytes + read_index_stats(second, 0).size_bytes);
  CHECK_THROWS_AS(read_index_stats(std::vector<std::filesystem::path>{}, 0), dossier::searcher::SearchError);
}

TEST_CASE("the stats JSON starts with its version", "[index_stats]") {
  dossier::searcher::IndexStats stats;
  stats.database = "/db";
  const auto json = nlohmann::json::parse(dossier::searcher::stats_to_json(stats));
  CHECK(json.at("version") == 1);
  CHECK(json.at("last_run").is_null());
  CHECK(json.at("countries").is_array());
}

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
