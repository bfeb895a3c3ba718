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
