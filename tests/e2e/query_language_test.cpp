// The query language through the real binary, on the project's sample corpus and small fixtures.
#include <catch2/catch.hpp>
#include <set>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::corpus_db;
using dossier::testing::index_into;
using dossier::testing::json_of;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// A few reports written for these tests, indexed once.
const std::string& fixture_db() {
  static const TempDir reports;
  static const TempDir index;
  static const std::string db = [] {
    reports.write("fancy-bear.txt",
                  "Phishing wave\nFancy Bear sent phishing mail to defence ministries across Europe.");
    reports.write("typhoon.md", "# Volt Typhoon on edge devices\nThe group hid in routers for months.");
    reports.write("storm.txt", "Weather notes\nA typhoon hit the coast; no cyber angle at all.");
    return index_into(reports.path(), index);
  }();
  return db;
}

std::set<std::string> files_in(const nlohmann::json& json) {
  std::set<std::string> files;
  for (const auto& hit : json["hits"])
    files.insert(std::filesystem::path(hit["path"].get<std::string>()).filename());
  return files;
}

std::set<std::string> corpus_hits(const std::string& query) {
  return files_in(json_of(run_dossier({"search", query, "--db", corpus_db(), "--json"})));
}

std::set<std::string> fixture_hits(const std::string& query, std::vector<std::string> flags = {}) {
  std::vector<std::string> args{"search", query, "--db", fixture_db(), "--json"};
  args.insert(args.end(), flags.begin(), flags.end());
  return files_in(json_of(run_dossier(args)));
}

const std::string kSeed = "chinese-espionage-in-europe.txt";
const std::string kNorway = "norway-2024-threat-assessment.txt";

}  // namespace

TEST_CASE("espionage AND NOT Norway keeps the first seed and drops the Norway report", "[e2e][query]") {
  CHECK(corpus_hits("espionage AND NOT Norway") == std::set<std::string>{kSeed});
}

TEST_CASE("Belgium OR Norwegian finds both seed reports", "[e2e][query]") {
  CHECK(corpus_hits("Belgium OR Norwegian") == std::set<std::string>{kSeed, kNorway});
}

TEST_CASE("(Belgium OR Norwegian) AND botnet finds only the Norway report", "[e2e][query]") {
  CHECK(corpus_hits("(Belgium OR Norwegian) AND botnet") == std::set<std::string>{kNorway});
}

TEST_CASE("malware NEAR/6 Fortinet finds the seed, where four words stand between them", "[e2e][query]") {
  CHECK(corpus_hits("malware NEAR/6 Fortinet") == std::set<std::string>{kSeed});
  CHECK(corpus_hits("Fortinet NEAR/4 malware") == std::set<std::string>{kSeed});
  CHECK(corpus_hits("malware NEAR/3 Fortinet").empty());
}

TEST_CASE("ADJ/n keeps the order of its words", "[e2e][query]") {
  CHECK(corpus_hits("malware ADJ/4 Fortinet") == std::set<std::string>{kSeed});
  CHECK(corpus_hits("Fortinet ADJ/6 malware").empty());
}

TEST_CASE("a bad NEAR distance exits 2 naming the column", "[e2e][query]") {
  const auto result = run_dossier({"search", "malware NEAR/x Fortinet", "--db", corpus_db()});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "error: 'NEAR/' needs a number of words, as in 'NEAR/5' at column 14\n");
}

TEST_CASE("espion* finds the English and the French espionage reports and highlights the words",
          "[e2e][query]") {
  const auto json = json_of(run_dossier({"search", "espion*", "--db", corpus_db(), "--json"}));
  CHECK(files_in(json) == std::set<std::string>{kSeed, kNorway, "fr-ingerence-etrangere-2024.md"});
  for (const auto& hit : json["hits"]) {
    const std::string snippet = hit["snippet"];
    CHECK((snippet.find("<b>espionage</b>") != std::string::npos ||
           snippet.find("<b>l'espionnage</b>") != std::string::npos));
  }
}

TEST_CASE("title:typhoon finds the report with typhoon in its title only", "[e2e][query]") {
  CHECK(fixture_hits("title:typhoon") == std::set<std::string>{"typhoon.md"});
  CHECK(fixture_hits("typhoon") == std::set<std::string>{"typhoon.md", "storm.txt"});
  CHECK(fixture_hits("title:typh*") == std::set<std::string>{"typhoon.md"});
}

TEST_CASE("(espionage exits 2 naming the column", "[e2e][query]") {
  const auto result = run_dossier({"search", "(espionage", "--db", corpus_db()});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "error: unbalanced '(' at column 1\n");
}

TEST_CASE("CVE-2023-* finds the report with a 2023 CVE id", "[e2e][query]") {
  CHECK(corpus_hits("CVE-2023-*") == std::set<std::string>{"indicators-edge-device-intrusions.md"});
  CHECK(corpus_hits("CVE-1999-*").empty());
}

TEST_CASE("an unknown field exits 2 naming the known fields, never a silent phrase search", "[e2e][query]") {
  for (const char* query : {"autor:Britt", "foo:bar", "espionage autor:\"Britt Verregghen\""}) {
    const auto result = run_dossier({"search", query, "--db", corpus_db()});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("unknown field '") != std::string::npos);
    CHECK(result.err.find("title:, author:, path:, type:, lang:, date:, country:, actor:") !=
          std::string::npos);
    CHECK(result.out.empty());
  }
  CHECK(run_dossier({"search", "autor:Britt", "--db", corpus_db()}).err.find("did you mean 'author:'?") !=
        std::string::npos);
}

TEST_CASE("field names work in any case", "[e2e][query]") {
  CHECK(corpus_hits("Country:NO") == corpus_hits("country:NO"));
  CHECK_FALSE(corpus_hits("Country:NO").empty());
  CHECK(corpus_hits("TITLE:covert") == std::set<std::string>{kSeed});
}

TEST_CASE("words with a colon that are not fields stay searchable text", "[e2e][query]") {
  const TempDir reports;
  const TempDir index;
  reports.write("iocs.txt",
                "Indicators\nBeacon at 10:30 to http://evil.example/gate from 2001:db8::1, dropped "
                "C:\\Users\\Public\\svc.exe, detected as Trojan:Win32/Emotet.");
  const std::string db = index_into(reports.path(), index);
  for (const char* query : {"10:30", "http://evil.example/gate", "2001:db8::1", "C:\\Users\\Public\\svc.exe",
                            "Trojan:Win32/Emotet", "\"detected as Trojan:Win32\""}) {
    const auto result = run_dossier({"search", query, "--db", db, "--format", "paths"});
    CHECK(result.exit_code == 0);
    CHECK(result.out == (reports.path() / "iocs.txt").string() + "\n");
  }
}

TEST_CASE("type: and lang: values that name no format or language exit 2 naming the known ones",
          "[e2e][query]") {
  const auto type = run_dossier({"search", "type:exe", "--db", corpus_db()});
  CHECK(type.exit_code == 2);
  CHECK(type.err == "error: unknown type 'exe' (the types are txt, md, html, pdf, docx, odt) at column 6\n");
  CHECK(corpus_hits("type:MD") == std::set<std::string>{"fr-ingerence-etrangere-2024.md",
                                                        "indicators-edge-device-intrusions.md",
                                                        "no-trusselvurdering-2024.md"});
  const auto lang = run_dossier({"search", "lang:xx", "--db", corpus_db()});
  CHECK(lang.exit_code == 2);
  CHECK(lang.err == "error: unknown language 'xx' (the index has: en, fr, no, zh)\n");
}
