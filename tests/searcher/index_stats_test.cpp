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
