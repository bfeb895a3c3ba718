// The acceptance scenarios on the project's own sample corpus, through the real binary.
#include <catch2/catch.hpp>
#include <set>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::corpus_db;
using dossier::testing::json_of;
using dossier::testing::kCorpusDir;
using dossier::testing::run_dossier;

namespace {

std::vector<std::string> hit_files_with(const std::string& query, const std::vector<std::string>& flags) {
  std::vector<std::string> args = {"search", query, "--db", corpus_db(), "--json"};
  args.insert(args.end(), flags.begin(), flags.end());
  const auto json = json_of(run_dossier(args));
  std::vector<std::string> files;
  for (const auto& hit : json["hits"])
    files.push_back(std::filesystem::path(hit["path"].get<std::string>()).filename());
  return files;
}

std::vector<std::string> hit_files(const std::string& query) {
  return hit_files_with(query, {});
}

}  // namespace

TEST_CASE("\"Chinese espionage\" lists both seed reports with highlighted snippets", "[e2e][corpus]") {
  const auto json = json_of(run_dossier({"search", "Chinese espionage", "--db", corpus_db(), "--json"}));
  std::set<std::string> files;
  for (const auto& hit : json["hits"]) {
    files.insert(std::filesystem::path(hit["path"].get<std::string>()).filename());
    CHECK(hit["snippet"].get<std::string>().find("<b>") != std::string::npos);
  }
  CHECK(files ==
        std::set<std::string>{"chinese-espionage-in-europe.txt", "norway-2024-threat-assessment.txt"});
}

TEST_CASE("the exact phrase \"Ministry of State Security\" finds only the first seed", "[e2e][corpus]") {
  CHECK(hit_files("\"Ministry of State Security\"") ==
        std::vector<std::string>{"chinese-espionage-in-europe.txt"});
}

TEST_CASE("MIVD Fortinet ranks the first seed first", "[e2e][corpus]") {
  const auto files = hit_files("MIVD Fortinet");
  REQUIRE_FALSE(files.empty());
  CHECK(files.front() == "chinese-espionage-in-europe.txt");
}

TEST_CASE("accents, scripts and identifiers each find their sample report", "[e2e][corpus]") {
  CHECK(hit_files("securite") == std::vector<std::string>{"fr-ingerence-etrangere-2024.md"});
  CHECK(hit_files("S\u00c9CURIT\u00c9") == std::vector<std::string>{"fr-ingerence-etrangere-2024.md"});
  // --exact: 国家安全部 names the MSS, so without it the first seed is found too (see below).
  CHECK(hit_files_with("国家安全部", {"--exact"}) ==
        std::vector<std::string>{"zh-guojia-anquan-bu-jianbao.txt"});
  for (const char* id :
       {"CVE-2023-27997", "203.0.113.77", "2001:db8:4006:812::200e",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "cdn-telemetry.example.org"}) {
    CHECK(hit_files(id) == std::vector<std::string>{"indicators-edge-device-intrusions.md"});
  }
  CHECK(hit_files("etterretningstjenester") == std::vector<std::string>{"no-trusselvurdering-2024.md"});
}

TEST_CASE("the corpus README is not indexed as a report", "[e2e][corpus]") {
  CHECK(hit_files("provenance OR licence").empty());
}

TEST_CASE("no match exits 1 and indexing the corpus again changes no hit count", "[e2e][corpus]") {
  CHECK(run_dossier({"search", "zzzunknownzzz", "--db", corpus_db()}).exit_code == 1);
  const auto before = json_of(run_dossier({"search", "espionage", "--db", corpus_db(), "--json"}))["total"];
  REQUIRE(run_dossier({"index", kCorpusDir.string(), "--db", corpus_db()}).exit_code == 0);
  CHECK(json_of(run_dossier({"search", "espionage", "--db", corpus_db(), "--json"}))["total"] == before);
}

TEST_CASE("espionage facets list China first with the seeds' countries and actors", "[e2e][corpus]") {
  const auto json = json_of(run_dossier({"search", "espionage", "--db", corpus_db(), "--json"}));
  const auto& countries = json["facets"]["country"];
  REQUIRE_FALSE(countries.empty());
  CHECK(countries[0]["value"] == "CN");
  std::set<std::string> codes;
  for (const auto& c : countries)
    codes.insert(c["value"].get<std::string>());
  for (const char* code : {"NL", "BE", "GB", "NO", "US"})
    CHECK(codes.contains(code));
  std::set<std::string> actors;
  for (const auto& a : json["facets"]["actor"])
    actors.insert(a["value"].get<std::string>());
  for (const char* id : {"mss-cn", "mivd-nl", "fbi-us", "fortinet", "nato"})
    CHECK(actors.contains(id));
  for (const auto& a : json["facets"]["actor"]) {
    const std::string name = a["name"];
    CHECK(name != "The");
    CHECK(name != "Despite");
    CHECK(name != "Europe");
  }
}

TEST_CASE("the espionage facets show as tables on request", "[e2e][corpus]") {
  const auto text = run_dossier({"search", "espionage", "--db", corpus_db(), "--facets"}).out;
  CHECK(text.find("countries (documents):\n     2  China (CN)\n") != std::string::npos);
  CHECK(text.find("  intelligence-agency:\n") != std::string::npos);
  CHECK(text.find("Ministry of State Security (MSS) [CN]\n") > text.find("  intelligence-agency:\n"));
}

TEST_CASE("a country filter by code, name, demonym or native name keeps only the Norway report",
          "[e2e][corpus]") {
  for (const char* country : {"NO", "Norway", "Norwegian", "Norge"}) {
    CHECK(hit_files_with("espionage", {"--country", country}) ==
          std::vector<std::string>{"norway-2024-threat-assessment.txt"});
  }
  CHECK(hit_files("espionage country:NO") == std::vector<std::string>{"norway-2024-threat-assessment.txt"});
}

TEST_CASE("an MSS filter keeps the first seed and not the Norway report", "[e2e][corpus]") {
  const auto files = hit_files_with("espionage", {"--actor", "MSS"});
  CHECK(files == std::vector<std::string>{"chinese-espionage-in-europe.txt"});
  CHECK(hit_files_with("espionage", {"--actor", "Ministry of State Security"}) == files);
}

TEST_CASE("facet counts are exact when the page is smaller than the match set", "[e2e][corpus]") {
  const auto full = json_of(run_dossier({"search", "espionage", "--db", corpus_db(), "--json"}));
  const auto one = json_of(run_dossier({"search", "espionage", "--db", corpus_db(), "--json", "-n", "1"}));
  CHECK(one["hits"].size() == 1);
  CHECK(one["facets"] == full["facets"]);
}

TEST_CASE("an unknown country exits 2 and suggests the closest names", "[e2e][corpus]") {
  const auto result = run_dossier({"search", "espionage", "--db", corpus_db(), "--country", "Norwey"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.starts_with("error: unknown country 'Norwey' (did you mean: norway"));
}

TEST_CASE("the country filter takes ISO alpha-3 codes, and Korea suggests the two Koreas", "[e2e][corpus]") {
  const auto alpha3 = json_of(run_dossier({"search", "--db", corpus_db(), "--country", "NOR", "--json"}));
  const auto alpha2 = json_of(run_dossier({"search", "--db", corpus_db(), "--country", "NO", "--json"}));
  CHECK(alpha3["total"] == alpha2["total"]);
  CHECK(alpha3["total"].get<int>() > 0);
  const auto korea = run_dossier({"search", "--db", corpus_db(), "--country", "Korea"});
  CHECK(korea.exit_code == 2);
  CHECK(korea.err == "error: unknown country 'Korea' (did you mean: north korea, south korea?)\n");
}

TEST_CASE(
    "国家安全部 also finds the English report that names the Ministry of State Security, unless --exact",
    "[e2e][corpus]") {
  const auto files = hit_files("国家安全部");
  CHECK(std::set<std::string>(files.begin(), files.end()) ==
        std::set<std::string>{"zh-guojia-anquan-bu-jianbao.txt", "chinese-espionage-in-europe.txt"});
  CHECK(files.front() == "zh-guojia-anquan-bu-jianbao.txt");  // the literal match ranks first
}
