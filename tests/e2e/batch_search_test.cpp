// `dossier search --batch FILE`: many queries with the same filters, each with its exact total.
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "csv_reader.h"
#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::corpus_db;
using dossier::testing::json_of;
using dossier::testing::ProcessResult;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// 50 queries, as the test asks: words, names, phrases, fields, operators and identifiers.
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
                                           "nothing-here",
                                           "China",
                                           "Chinese espionage",
                                           "intelligence",
                                           "security",
                                           "threat assessment",
                                           "Norwegian",
                                           "Russia",
                                           "Iran",
                                           "Ivanti",
                                           "edge devices",
                                           "Fortinet OR Ivanti",
                                           "\"Ministry of State Security\"",
                                           "Volt Typhoon",
                                           "title:typhoon",
                                           "lang:no",
                                           "type:md",
                                           "date:2024",
                                           "country:NO",
                                           "actor:APT40",
                                           "espion*",
                                           "researchers",
                                           "recruitment",
                                           "Arctic",
                                           "influence",
                                           "ingérence",
                                           "sécurité",
                                           "国家安全部",
                                           "etterretningstjenesten",
                                           "203.0.113.77",
                                           "CVE-2023-27997",
                                           "botnet",
                                           "wipers",
                                           "phishing",
                                           "espionage -norway",
                                           "MIVD Fortinet",
                                           "(Belgium OR Norwegian) AND botnet"};

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

namespace {

// "CN:2; NO:1" from a facet of `search --json`, by value or (actors) by name.
std::string facet_cell(const nlohmann::json& values, const char* key) {
  std::string cell;
  for (const auto& value : values)
    cell += (cell.empty() ? "" : "; ") + value[key].get<std::string>() + ":" +
            std::to_string(value["count"].get<std::size_t>());
  return cell;
}

// Every path `query` matches, as `search --format paths` lists them, sorted.
std::vector<std::string> all_paths(const std::string& query, const std::vector<std::string>& filters) {
  std::vector<std::string> args = {"search", query, "--db", corpus_db(), "--format", "paths"};
  args.insert(args.end(), filters.begin(), filters.end());
  std::vector<std::string> paths;
  std::istringstream lines(run_dossier(args).out);
  for (std::string line; std::getline(lines, line);)
    paths.push_back(line);
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

TEST_CASE("a CSV batch has a row per query with its exact total, hits and facets", "[e2e][batch]") {
  const TempDir dir;
  // Queries a CSV field must quote: a comma, quotes, a leading '-' a spreadsheet would run.
  const std::vector<std::string> queries = {"espionage", "Norway, Belgium", "\"state security\"",
                                            "-espionage", "zzzqqq"};
  std::string text = "# list\n";
  for (const std::string& query : queries)
    text += query + "\n";
  const auto file = dir.write("list.txt", text);
  const ProcessResult csv =
      run_dossier({"search", "--batch", file.string(), "--db", corpus_db(), "--format", "csv", "-n", "3"});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.err.empty());
  const auto records = dossier::testing::read_csv(csv.out);
  REQUIRE(records.size() == queries.size() + 1);
  CHECK(records[0] == std::vector<std::string>{"line", "query", "total", "error", "ids", "paths", "countries",
                                               "actors", "years", "languages", "types"});
  const auto json =
      json_of(run_dossier({"search", "--batch", file.string(), "--db", corpus_db(), "--json", "-n", "3"}));
  for (std::size_t i = 0; i < queries.size(); ++i) {
    INFO(queries[i]);
    const std::vector<std::string>& row = records[i + 1];
    const auto& answer = json["queries"][i];
    REQUIRE(row.size() == records[0].size());
    CHECK(row[0] == std::to_string(i + 2));
    CHECK(row[1] == (queries[i].front() == '-' ? "'" + queries[i] : queries[i]));
    CHECK(row[2] == std::to_string(answer["total"].get<std::size_t>()));
    CHECK(row[3].empty());
    std::string ids, paths;
    for (const auto& hit : answer["hits"]) {
      ids += (ids.empty() ? "" : " ") + std::to_string(hit["id"].get<unsigned>());
      paths += (paths.empty() ? "" : "\n") + hit["path"].get<std::string>();
    }
    CHECK(row[4] == ids);
    CHECK(row[5] == paths);
    CHECK(row[6] == facet_cell(answer["facets"]["country"], "value"));
    CHECK(row[7] == facet_cell(answer["facets"]["actor"], "name"));
    CHECK(row[8] == facet_cell(answer["facets"]["year"], "value"));
    CHECK(row[9] == facet_cell(answer["facets"]["language"], "value"));
    CHECK(row[10] == facet_cell(answer["facets"]["type"], "value"));
  }
  CHECK(records[1][4].find(' ') != std::string::npos);  // espionage: several hits
  CHECK(records[5][2] == "0");
}

TEST_CASE("a bad line of a CSV batch or matrix is named on stderr and the rest still run", "[e2e][batch]") {
  const TempDir dir;
  const auto file = dir.write("list.txt", "MSS\n(unclosed\nFortinet\n");
  for (const std::vector<std::string>& format :
       {std::vector<std::string>{"--format", "csv"}, std::vector<std::string>{"--batch-matrix"}}) {
    INFO(format.front());
    std::vector<std::string> args = {"search", "--batch", file.string(), "--db", corpus_db()};
    args.insert(args.end(), format.begin(), format.end());
    const ProcessResult run = run_dossier(args);
    CHECK(run.exit_code == 2);
    CHECK(run.err == "error: " + file.string() + ":2: unbalanced '(' at column 1\n");
    const auto records = dossier::testing::read_csv(run.out);
    REQUIRE(records.size() > 1);
    if (format.front() == "--format") {
      REQUIRE(records.size() == 4);
      CHECK(records[2][0] == "2");
      CHECK(records[2][2].empty());
      CHECK(records[2][3] == "unbalanced '(' at column 1");
      CHECK(std::stoul(records[3][2]) > 0);
    } else {
      CHECK(records[0] == std::vector<std::string>{"path", "MSS", "(unclosed", "Fortinet"});
      for (std::size_t i = 1; i < records.size(); ++i)
        CHECK(records[i][2].empty());
    }
  }
}

TEST_CASE("a batch matrix marks exactly the documents each query matches", "[e2e][batch]") {
  const TempDir dir;
  const std::vector<std::string> queries = {"espionage", "Fortinet", "MSS", "\"Volt Typhoon\", again",
                                            "zzzqqq",    "*"};
  std::string text;
  for (const std::string& query : queries)
    text += query + "\n";
  const auto file = dir.write("list.txt", text);
  for (const std::vector<std::string>& filters :
       {std::vector<std::string>{}, std::vector<std::string>{"--country", "CN"},
        std::vector<std::string>{"--since", "2024-03"}}) {
    INFO((filters.empty() ? "no filter" : filters.front()));
    std::vector<std::string> args = {"search", "--batch",   file.string(),
                                     "--db",   corpus_db(), "--batch-matrix"};
    args.insert(args.end(), filters.begin(), filters.end());
    const ProcessResult run = run_dossier(args);
    REQUIRE(run.exit_code == 0);
    const auto records = dossier::testing::read_csv(run.out);
    std::vector<std::string> header = {"path"};
    header.insert(header.end(), queries.begin(), queries.end());
    CHECK(records[0] == header);
    std::vector<std::string> rows;  // the paths of the rows, in their order
    for (std::size_t i = 1; i < records.size(); ++i)
      rows.push_back(records[i][0]);
    CHECK(std::is_sorted(rows.begin(), rows.end()));
    // "*" matches every document the filters keep: each row, and no other.
    CHECK(rows == all_paths("*", filters));
    for (std::size_t column = 0; column < queries.size(); ++column) {
      INFO(queries[column]);
      std::vector<std::string> marked;
      for (std::size_t i = 1; i < records.size(); ++i) {
        CHECK((records[i][column + 1] == "1" || records[i][column + 1] == "0"));
        if (records[i][column + 1] == "1") marked.push_back(records[i][0]);
      }
      CHECK(marked == all_paths(queries[column], filters));
    }
  }
}

TEST_CASE("a batch matrix refuses the flags it has no use for, in one line", "[e2e][batch]") {
  const TempDir dir;
  const auto file = dir.write("list.txt", "MSS\n");
  const auto refused = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"search", "--db", corpus_db()};
    args.insert(args.end(), extra.begin(), extra.end());
    const ProcessResult run = run_dossier(args);
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    return run.err;
  };
  CHECK(refused({"--batch-matrix"}) ==
        "error: --batch-matrix: needs --batch FILE (the queries of its columns)\n");
  CHECK(refused({"--batch", file.string(), "--batch-matrix", "--json"}) ==
        "error: --batch-matrix and --json: choose one (the matrix is CSV of every match of every query)\n");
  CHECK(refused({"--batch", file.string(), "--batch-matrix", "-n", "5"}) ==
        "error: --batch-matrix and -n: choose one (the matrix is CSV of every match of every query)\n");
  for (const std::vector<std::string>& extra : {std::vector<std::string>{"--format", "jsonl"},
                                                {"--count"},
                                                {"--facets"},
                                                {"--offset", "2"},
                                                {"--explain"},
                                                {"--timeout", "5"}}) {
    std::vector<std::string> args = {"--batch", file.string(), "--batch-matrix"};
    args.insert(args.end(), extra.begin(), extra.end());
    CHECK_THAT(refused(args),
               Catch::StartsWith("error: --batch-matrix and " + extra.front() + ": choose one"));
  }
  CHECK(refused({"MSS", "--format", "csv"}) ==
        "error: --format csv: only with --batch FILE (a row per query); one search's hits: --format jsonl\n");
  // --format csv says what the matrix is anyway.
  CHECK(run_dossier(
            {"search", "--db", corpus_db(), "--batch", file.string(), "--batch-matrix", "--format", "csv"})
            .exit_code == 0);
}
