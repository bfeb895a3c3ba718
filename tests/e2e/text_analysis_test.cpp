// What the real binary makes of text an analyst's files hold: words glued by unusual spaces,
// identifiers and words inside compounds, and the words of file names.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "dossier_runner.h"
#include "temp_dir.h"
#include "unicode_spaces.h"

namespace fs = std::filesystem;
using dossier::testing::json_of;
using dossier::testing::ProcessResult;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// The file names (without folders) of the hits of `query`, sorted.
std::vector<std::string> hit_names(const std::string& db, const std::string& query) {
  const ProcessResult result = run_dossier({"search", query, "--db", db, "--json", "-n", "1000"});
  std::vector<std::string> names;
  if (result.exit_code != 0) return names;
  const nlohmann::json json = json_of(result);
  for (const auto& hit : json["hits"])
    names.push_back(fs::path(hit["path"].get<std::string>()).filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("words glued by any Unicode space are found, in files and in queries", "[e2e][analysis]") {
  const TempDir reports, index;
  std::vector<std::string> expected;
  const auto spaces = dossier::testing::word_separating_spaces();
  for (const auto& space : spaces) {
    const std::string name = space.name.substr(2) + ".txt";
    reports.write(name, "Loaders seen this week:" + space.utf8 + "Emotet" + space.utf8 + "and" + space.utf8 +
                            "Dridex" + space.utf8 + "!\n");
    expected.push_back(name);
  }
  std::sort(expected.begin(), expected.end());
  const std::string db = dossier::testing::index_into(reports.path(), index);
  CHECK(hit_names(db, "Emotet") == expected);
  CHECK(hit_names(db, "Dridex") == expected);
  for (const auto& space : spaces) {
    INFO(space.name);
    CHECK(hit_names(db, "Emotet" + space.utf8 + "Dridex") == expected);
  }
}

TEST_CASE("identifiers and words inside compounds are found, whole and in phrases", "[e2e][analysis]") {
  const TempDir reports, index;
  reports.write("hyphenated.txt", "Products: log4j-cve-2021-44228-hotpatch-1.3.5, openssl\n");
  reports.write("archive.txt", "Installed log4j-cve-2021-44228-hotpatch.zip on the servers.\n");
  reports.write("plain.txt", "Patch CVE-2021-44228 now.\n");
  reports.write("underscore.txt", "Applied hotpatch_CVE-2021-44228 yesterday.\n");
  reports.write("filename.txt", "See norway-2024-threat-assessment.txt for details.\n");
  reports.write("other.txt", "Patch CVE-2021-4422 and CVE-2021-442289 instead.\n");
  reports.write("url.txt", "Beacon to hxxps://cdn-update[.]example[.]net/gate_v2.php?id=7 seen.\n");
  const std::string db = dossier::testing::index_into(reports.path(), index);
  using Names = std::vector<std::string>;
  CHECK(hit_names(db, "CVE-2021-44228") ==
        Names{"archive.txt", "hyphenated.txt", "plain.txt", "underscore.txt"});
  CHECK(hit_names(db, "hotpatch") == Names{"archive.txt", "hyphenated.txt", "underscore.txt"});
  CHECK(hit_names(db, "log4j-cve-2021-44228-hotpatch") == Names{"archive.txt", "hyphenated.txt"});
  CHECK(hit_names(db, "\"CVE-2021-44228 hotpatch\"") == Names{"archive.txt", "hyphenated.txt"});
  CHECK(hit_names(db, "norway") == Names{"filename.txt"});
  CHECK(hit_names(db, "assessment") == Names{"filename.txt"});
  CHECK(hit_names(db, "\"threat assessment\"") == Names{"filename.txt"});
  CHECK(hit_names(db, "\"see norway-2024-threat-assessment.txt for details\"") == Names{"filename.txt"});
  // The name takes five word positions: "for" is next to it, "details" one word away.
  CHECK(hit_names(db, "norway-2024-threat-assessment.txt NEAR/0 for") == Names{"filename.txt"});
  CHECK(hit_names(db, "norway-2024-threat-assessment.txt NEAR/0 details").empty());
  CHECK(hit_names(db, "norway-2024-threat-assessment.txt NEAR/1 details") == Names{"filename.txt"});
  CHECK(hit_names(db, "\"norway threat\"").empty());  // not next to each other in the name
  // A URL: its domain whole, the words of its labels and of its file name.
  CHECK(hit_names(db, "cdn-update.example.net") == Names{"url.txt"});
  CHECK(hit_names(db, "update") == Names{"url.txt"});
  CHECK(hit_names(db, "gate") == Names{"url.txt"});
  CHECK(hit_names(db, "\"cdn update example\"") == Names{"url.txt"});
}

TEST_CASE("path: finds the words inside file names", "[e2e][analysis]") {
  using Names = std::vector<std::string>;
  const std::string& corpus = dossier::testing::corpus_db();
  CHECK(hit_names(corpus, "path:norway") == Names{"norway-2024-threat-assessment.txt"});
  CHECK(hit_names(corpus, "path:espionage") == Names{"chinese-espionage-in-europe.txt"});
  CHECK(hit_names(corpus, "path:2024") == Names{"fr-ingerence-etrangere-2024.md",
                                                "no-trusselvurdering-2024.md",
                                                "norway-2024-threat-assessment.txt"});
  CHECK(hit_names(corpus, "path:threat-assessment.txt") == Names{"norway-2024-threat-assessment.txt"});
  CHECK(hit_names(corpus, "path:norway-2024-threat-assessment.txt") ==
        Names{"norway-2024-threat-assessment.txt"});

  const TempDir reports, index;
  reports.write("ThreatReport2024.md", "quarterly\n");
  reports.write("Q3_APT_summary.txt", "quarterly\n");
  reports.write("threat-report.txt", "quarterly\n");
  const std::string db = dossier::testing::index_into(reports.path(), index);
  CHECK(hit_names(db, "path:ThreatReport") == Names{"ThreatReport2024.md", "threat-report.txt"});
  CHECK(hit_names(db, "path:report") == Names{"ThreatReport2024.md", "threat-report.txt"});
  CHECK(hit_names(db, "path:apt") == Names{"Q3_APT_summary.txt"});
  CHECK(hit_names(db, "path:summary quarterly") == Names{"Q3_APT_summary.txt"});
}

TEST_CASE("reports in other languages get their byline and date, and sort by date", "[e2e][analysis]") {
  const TempDir reports, index;
  const std::string filler = "\n\nLorem ipsum report text about intrusions: quartzwort.\n";
  struct Report {
    const char* file;
    std::string text;
    const char* author;
    const char* date;
  };
  const std::vector<Report> cases = {
      {"de.txt", "Lagebild\nVerfasst von Max Mustermann\n6. Februar 2024" + filler, "Max Mustermann",
       "2024-02-06"},
      {"fr.txt", "Rapport\nR\u00e9dig\u00e9 par Jean Dupont\n7 f\u00e9vrier 2024" + filler, "Jean Dupont",
       "2024-02-07"},
      {"nb.txt", "Trusselvurdering\nSkrevet av Kari Nordmann\n8. februar 2024" + filler, "Kari Nordmann",
       "2024-02-08"},
      {"nl.txt", "Dreigingsbeeld\nGeschreven door Jan de Vries\n9 februari 2024" + filler, "Jan de Vries",
       "2024-02-09"},
      {"ru.txt",
       "\u0414\u043e\u043a\u043b\u0430\u0434\n\u0410\u0432\u0442\u043e\u0440: \u0418\u0432\u0430\u043d "
       "\u041f\u0435\u0442\u0440\u043e\u0432\n10 \u0444\u0435\u0432\u0440\u0430\u043b\u044f 2024 \u0433." +
           filler,
       "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432", "2024-02-10"},
      {"es.txt", "Informe\nEscrito por Ana Garc\u00eda\n11 de febrero de 2024" + filler, "Ana Garc\u00eda",
       "2024-02-11"},
      {"it.txt", "Rapporto\nScritto da Mario Rossi\n12 febbraio 2024" + filler, "Mario Rossi", "2024-02-12"},
      {"en.txt", "Report\nWritten by Jane Doe\nFebruary 5, 2024" + filler, "Jane Doe", "2024-02-05"},
  };
  for (const Report& report : cases)
    reports.write(report.file, report.text);
  // A one-word byline ("Av", Norwegian for "by") counts in a report that is Norwegian.
  reports.write(
      "no-kort.txt",
      "Kort vurdering\nAv Ola Nordmann\n4. februar 2024\n\nEtterretningstjenesten vurderer at "
      "trusselen fra statlige akt\u00f8rer mot norske virksomheter vil \u00f8ke i \u00e5r: quartzwort.\n");
  const std::string db = dossier::testing::index_into(reports.path(), index);
  const ProcessResult result =
      run_dossier({"search", "quartzwort", "--db", db, "--json", "--sort", "date", "-n", "20"});
  REQUIRE(result.exit_code == 0);
  const nlohmann::json json = json_of(result);
  std::vector<std::string> order;
  for (const auto& hit : json["hits"]) {
    const std::string name = fs::path(hit["path"].get<std::string>()).filename().string();
    order.push_back(name);
    for (const Report& report : cases) {
      if (name != report.file) continue;
      INFO(name);
      CHECK(hit["author"] == report.author);
      CHECK(hit["date"] == report.date);
    }
    if (name == "no-kort.txt") {
      CHECK(hit["author"] == "Ola Nordmann");
      CHECK(hit["date"] == "2024-02-04");
    }
  }
  // Newest first, none undated at the end.
  CHECK(order == std::vector<std::string>{"it.txt", "es.txt", "ru.txt", "nl.txt", "nb.txt", "fr.txt",
                                          "de.txt", "en.txt", "no-kort.txt"});
}
