// `dossier search --batch FILE`: many queries with the same filters, each with its exact total.
#include <catch2/catch.hpp>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::corpus_db;
using dossier::testing::json_of;
using dossier::testing::ProcessResult;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

const std::vector<std::string> kQueries = {"espionage",
                                           "MSS",
                                           "Fortinet",
                                           "APT40",
                                           "\"state security\"",
                                           "cyber*",
                                           "Norway OR Belgium",
                                           "Volt",
                                           "PST",
                                           "malware",
                                           "-espionage",
                                           "influence NEAR/5 operations",
                                           "CVE-2024-21762",
                                           "nothing-here"};

std::string batch_text() {
  std::string text = "# a sample watchlist\n\n";
  for (const std::string& query : kQueries)
    text += query + "\n";
  return text;
}

}  // namespace

TEST_CASE("a batch gives each query the total its own search gives", "[e2e][batch]") {
  const TempDir dir;
  const auto file = dir.write("list.txt", batch_text());
  for (const std::vector<std::string>& filters :
       {std::vector<std::string>{}, std::vector<std::string>{"--country", "CN"}}) {
    std::vector<std::string> args = {"search", "--batch", file.string(), "--db", corpus_db(), "--json"};
    args.insert(args.end(), filters.begin(), filters.end());
    const ProcessResult batch = run_dossier(args);
    REQUIRE(batch.exit_code == 0);
    const auto json = json_of(batch);
    REQUIRE(json["queries"].size() == kQueries.size());
    for (std::size_t i = 0; i < kQueries.size(); ++i) {
      INFO(kQueries[i]);
      const auto& answer = json["queries"][i];
      CHECK(answer["line"] == i + 3);  // after the comment and the blank line
      CHECK(answer["query"] == kQueries[i]);
      CHECK(answer["error"].is_null());
      std::vector<std::string> single = {"search", kQueries[i], "--db", corpus_db(), "--count"};
      single.insert(single.end(), filters.begin(), filters.end());
      CHECK(answer["total"].get<std::size_t>() == std::stoul(run_dossier(single).out));
      CHECK(answer["hits"].size() == std::min<std::size_t>(10, answer["total"].get<std::size_t>()));
    }
  }
}

TEST_CASE("a bad line of a batch is named by its line number and the rest still run", "[e2e][batch]") {
  const TempDir dir;
  const auto file = dir.write("list.txt", "MSS\n(unclosed\nFortinet\n");
  const ProcessResult text =
      run_dossier({"search", "--batch", file.string(), "--db", corpus_db(), "-n", "1"});
  CHECK(text.exit_code == 2);
  CHECK(text.err == "error: " + file.string() + ":2: unbalanced '(' at column 1\n");
  CHECK(text.out.find("1: MSS: ") == 0);
  CHECK_THAT(text.out, Catch::Contains("\n2: (unclosed: error: unbalanced '(' at column 1\n"));
  CHECK_THAT(text.out, Catch::Contains("\n3: Fortinet: "));
  const auto json = json_of(run_dossier({"search", "--batch", file.string(), "--db", corpus_db(), "--json"}));
  CHECK(json["queries"][1]["error"] == "unbalanced '(' at column 1");
  CHECK(json["queries"][2]["total"].get<std::size_t>() > 0);
}

TEST_CASE("each query of a JSON batch has the facets its own search has", "[e2e][batch]") {
  const TempDir dir;
  const auto file = dir.write("list.txt", "espionage\nFortinet\n");
  const auto batch =
      json_of(run_dossier({"search", "--batch", file.string(), "--db", corpus_db(), "--json"}));
  for (const auto& answer : batch["queries"]) {
    INFO(answer["query"]);
    const auto single =
        json_of(run_dossier({"search", answer["query"].get<std::string>(), "--db", corpus_db(), "--json"}));
    CHECK(answer["facets"] == single["facets"]);
    CHECK(answer["facets"]["country"].size() > 0);
  }
}

TEST_CASE("a batch that matches nothing exits 1; a batch with words or without its file exits 2",
          "[e2e][batch]") {
  const TempDir dir;
  const auto file = dir.write("list.txt", "zzzqqq\n");
  CHECK(run_dossier({"search", "--batch", file.string(), "--db", corpus_db()}).exit_code == 1);
  const ProcessResult words = run_dossier({"search", "MSS", "--batch", file.string(), "--db", corpus_db()});
  CHECK(words.exit_code == 2);
  CHECK(words.err == "error: --batch: the queries come from FILE, not from words\n");
  const ProcessResult missing =
      run_dossier({"search", "--batch", (dir.path() / "none.txt").string(), "--db", corpus_db()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "error: --batch " + (dir.path() / "none.txt").string() + ": cannot be read\n");
}

TEST_CASE("the shipped sample watchlist runs as a batch without a bad line", "[e2e][batch]") {
  const std::string list = std::string(DOSSIER_SOURCE_DIR) + "/scripts/watchlist.txt";
  const ProcessResult batch = run_dossier({"search", "--batch", list, "--db", corpus_db(), "--json"});
  CHECK(batch.exit_code == 0);
  CHECK(batch.err.empty());
  CHECK(json_of(batch)["queries"].size() == 7);
}
