// The real binary: `dossier entities` and `dossier show`, and user gazetteers.
#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::json_of;
using dossier::testing::ProcessSpec;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

ProcessSpec with_input(std::string input) {
  ProcessSpec spec;
  spec.input = std::move(input);
  spec.env["HOME"] = "/nonexistent";
  spec.env["XDG_CONFIG_HOME"] = std::nullopt;
  return spec;
}

}  // namespace

TEST_CASE("entities on standard input finds APT40 through its alias", "[e2e][entities]") {
  const auto result =
      run_dossier({"entities", "--json"},
                  with_input("APT40, also known as Leviathan, targeted maritime industries in Norway."));
  CHECK(result.exit_code == 0);
  const auto json = json_of(result);
  CHECK(json["path"] == "-");
  REQUIRE(json["actors"].size() == 1);
  CHECK(json["actors"][0]["id"] == "apt40");
  CHECK(json["actors"][0]["name"] == "Leviathan");  // MITRE ATT&CK's name for G0065
  CHECK(json["actors"][0]["kind"] == "threat-group");
  CHECK(json["actors"][0]["country"] == "CN");
  CHECK(json["actors"][0]["mentions"] == 2);
  CHECK(json["actors"][0]["surfaces"] == nlohmann::json::array({"APT40", "Leviathan"}));
  REQUIRE(json["countries"].size() == 1);
  CHECK(json["countries"][0] ==
        nlohmann::json({{"code", "NO"}, {"name", "Norway"}, {"mentions", 1}, {"surfaces", {"Norway"}}}));
}

TEST_CASE("entities prints one object per file and exits 1 when nothing is named", "[e2e][entities]") {
  const TempDir dir;
  const auto a = dir.write("a.md", "# Note\nThe FBI and NATO.");
  const auto b = dir.write("b.txt", "nothing to see here");
  const auto result = run_dossier({"entities", a.string(), b.string(), "--json"}, with_input(""));
  CHECK(result.exit_code == 0);
  const auto newline = result.out.find('\n');
  CHECK(nlohmann::json::parse(result.out.substr(0, newline))["actors"].size() == 2);
  CHECK(nlohmann::json::parse(result.out.substr(newline + 1))["actors"].empty());
  CHECK(run_dossier({"entities", b.string()}, with_input("")).exit_code == 1);
}

TEST_CASE("a user gazetteer adds a watchlist to entities and to the index", "[e2e][entities]") {
  const TempDir dir, index;
  const auto list = dir.write(
      "watch.tsv", "id\tname\tkind\tcountry\taliases\nacme-panda\tAcme Panda\tthreat-group\tCN\tACMEGRP\n");
  const auto report = dir.write("reports/r.txt", "ACMEGRP struck again.");
  auto json = json_of(
      run_dossier({"entities", "--json", "--gazetteer", list.string()}, with_input("ACMEGRP struck.")));
  CHECK(json["actors"][0]["name"] == "Acme Panda");
  const std::string db = (index.path() / "db").string();
  REQUIRE(run_dossier({"index", (dir.path() / "reports").string(), "--db", db, "--gazetteer", list.string()})
              .exit_code == 0);
  json = json_of(run_dossier({"search", "struck", "--db", db, "--actor", "Acme Panda", "--json"}));
  CHECK(json["total"] == 1);
}

TEST_CASE("the default user gazetteer is read from the configuration folder", "[e2e][entities]") {
  const TempDir config;
  config.write("dossier/gazetteer.tsv",
               "id\tname\tkind\tcountry\taliases\nzeta-crew\tZeta Crew\tthreat-group\t\tZETACREW\n");
  ProcessSpec spec = with_input("ZETACREW was seen.");
  spec.env["XDG_CONFIG_HOME"] = config.path().string();
  CHECK(json_of(run_dossier({"entities", "--json"}, spec))["actors"][0]["id"] == "zeta-crew");
}

TEST_CASE("a malformed gazetteer is a fatal error naming the file and line", "[e2e][entities]") {
  const TempDir dir;
  const auto list = dir.write("bad.tsv", "header\nBad Id\tX\tcompany\t\t\n");
  const auto result = run_dossier({"entities", "--gazetteer", list.string()}, with_input("x"));
  CHECK(result.exit_code == 2);
  CHECK(result.err == "error: " + list.string() + ":2: bad id 'Bad Id' (use a-z, 0-9 and -)\n");
}

TEST_CASE("capitals count for their country unless --no-capitals", "[e2e][entities]") {
  CHECK(json_of(run_dossier({"entities", "--json"},
                            with_input("Talks in Beijing.")))["countries"][0]["code"] == "CN");
  CHECK(json_of(run_dossier({"entities", "--json", "--no-capitals"},
                            with_input("Talks in Beijing.")))["countries"]
            .empty());
}

TEST_CASE("show prints a document's metadata and entities, and exits 1 for an unknown path", "[e2e][show]") {
  const TempDir dir, index;
  const auto file = dir.write("r.txt", "Volt Typhoon report\nVolt Typhoon hit Guam, a U.S. territory.");
  const std::string db = (index.path() / "db").string();
  REQUIRE(run_dossier({"index", dir.path().string(), "--db", db}).exit_code == 0);
  const auto json = json_of(run_dossier({"show", file.string(), "--db", db, "--json"}));
  CHECK(json["path"] == file.string());
  CHECK(json["title"] == "Volt Typhoon report");
  CHECK(json["format"] == "txt");
  CHECK(json["actors"][0]["id"] == "volt-typhoon");
  CHECK(json["actors"][0]["mentions"] == 2);
  const auto text = run_dossier({"show", file.string(), "--db", db}).out;
  CHECK(text.find("title: Volt Typhoon report\n") != std::string::npos);
  const auto missing = run_dossier({"show", (dir.path() / "nope.txt").string(), "--db", db});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "not in the index: " + (dir.path() / "nope.txt").string() + "\n");
}

TEST_CASE("a country named once is one mention however many languages spell its name alike",
          "[e2e][entities]") {
  // "Iran", "Irán" (Spanish) and "İran" (Turkish) fold to one word: one surface, one mention.
  const auto json = json_of(run_dossier({"entities", "--json"}, with_input("Attacks in Iran were seen.")));
  REQUIRE(json["countries"].size() == 1);
  CHECK(json["countries"][0]["code"] == "IR");
  CHECK(json["countries"][0]["mentions"] == 1);
  CHECK(json["countries"][0]["surfaces"] == nlohmann::json::array({"Iran"}));
}

TEST_CASE("entities on a folder tags the files index would read, recursively", "[e2e][entities]") {
  const TempDir dir;
  const auto deep = dir.write("reports/2024/apt40.md", "# Note\nAPT40 targeted Norway.");
  const auto top = dir.write("reports/fbi.txt", "The FBI warned.");
  dir.write("reports/.hidden/secret.txt", "China");
  dir.write("reports/.git/HEAD.txt", "Russia");
  dir.write("reports/ignored/x.txt", "Iran");
  dir.write("reports/.dossierignore", "ignored/\n");
  dir.write("reports/tool.exe", "North Korea");
  const auto result = run_dossier({"entities", (dir.path() / "reports").string(), "--json"}, with_input(""));
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  std::set<std::string> paths;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);)
    paths.insert(nlohmann::json::parse(line)["path"].get<std::string>());
  CHECK(paths == std::set<std::string>{deep.string(), top.string()});
}
