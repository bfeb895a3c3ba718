// The real binary: `dossier search`, its output formats and exit codes.
#include <catch2/catch.hpp>
#include <set>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::json_of;
using dossier::testing::ProcessSpec;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// A small indexed folder for the search tests.
class IndexedFolder {
 public:
  IndexedFolder() {
    reports_.write("china.txt", "Covert operations\nThe MIVD found malware on Fortinet systems. Espionage.");
    reports_.write("norway.md", "# Norway assessment\nChinese espionage and a botnet.");
    for (int i = 0; i < 25; ++i)
      reports_.write("bulk/" + std::to_string(i) + ".txt", "filler espionage report");
    const auto result = run_dossier({"index", reports_.path().string(), "--db", db()});
    REQUIRE(result.exit_code == 0);
  }
  std::string db() const { return (index_.path() / "db").string(); }
  const TempDir& reports() const { return reports_; }

 private:
  TempDir reports_;
  TempDir index_;
};

}  // namespace

TEST_CASE("search --json prints query, exact total and hits with marked snippets", "[e2e][search]") {
  const IndexedFolder folder;
  const auto result = run_dossier({"search", "MIVD", "Fortinet", "--db", folder.db(), "--json"});
  CHECK(result.exit_code == 0);
  const auto json = json_of(result);
  CHECK(json["query"] == "MIVD Fortinet");
  CHECK(json["total"] == 1);
  REQUIRE(json["hits"].size() == 1);
  const auto& hit = json["hits"][0];
  CHECK(hit["rank"] == 1);
  CHECK(hit["score"].get<double>() > 0);
  CHECK(hit["path"] == (folder.reports().path() / "china.txt").string());
  CHECK(hit["title"] == "Covert operations");
  CHECK(hit["snippet"] ==
        "Covert operations The <b>MIVD</b> found malware on <b>Fortinet</b> systems. Espionage.");
}

TEST_CASE("exit codes: 0 for a match, 1 for none, 2 for errors with a message", "[e2e][search]") {
  const IndexedFolder folder;
  CHECK(run_dossier({"search", "espionage", "--db", folder.db()}).exit_code == 0);
  const auto none = run_dossier({"search", "nonexistentword", "--db", folder.db()});
  CHECK(none.exit_code == 1);
  CHECK(none.out.empty());
  const auto none_json = run_dossier({"search", "nonexistentword", "--db", folder.db(), "--json"});
  CHECK(none_json.exit_code == 1);
  CHECK(json_of(none_json)["total"] == 0);
  const auto bad = run_dossier({"search", "(espionage", "--db", folder.db()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "error: unbalanced '(' at column 1\n");
  const TempDir empty;
  const auto missing = run_dossier({"search", "x", "--db", (empty.path() / "none").string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.starts_with("error: no index at " + (empty.path() / "none").string()));
}

TEST_CASE("pages of results never overlap and ranks continue", "[e2e][search]") {
  const IndexedFolder folder;
  const auto first = json_of(run_dossier({"search", "espionage", "--db", folder.db(), "-n", "10", "--json"}));
  const auto second = json_of(
      run_dossier({"search", "espionage", "--db", folder.db(), "-n", "10", "--offset", "10", "--json"}));
  CHECK(first["total"] == 27);
  REQUIRE(first["hits"].size() == 10);
  REQUIRE(second["hits"].size() == 10);
  CHECK(second["hits"][0]["rank"] == 11);
  std::set<std::string> paths;
  for (const auto& hit : first["hits"])
    paths.insert(hit["path"].get<std::string>());
  for (const auto& hit : second["hits"])
    paths.insert(hit["path"].get<std::string>());
  CHECK(paths.size() == 20);
}

TEST_CASE("the --any flag finds documents with any of the words", "[e2e][search]") {
  const IndexedFolder folder;
  CHECK(json_of(run_dossier({"search", "botnet", "Fortinet", "--db", folder.db(), "--json"}))["total"] == 0);
  CHECK(json_of(run_dossier(
            {"search", "botnet", "Fortinet", "--any", "--db", folder.db(), "--json"}))["total"] == 2);
}

TEST_CASE("text output piped to a file has no escape codes", "[e2e][search]") {
  const IndexedFolder folder;
  const auto result = run_dossier({"search", "MIVD", "--db", folder.db()});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find('\x1b') == std::string::npos);
  CHECK(result.out.find("1. Covert operations \u00b7 ") == 0);
  CHECK(result.out.find("The MIVD found malware") != std::string::npos);
}

TEST_CASE("on a terminal matches are coloured, unless NO_COLOR is set", "[e2e][search]") {
  const IndexedFolder folder;
  ProcessSpec terminal;
  terminal.stdout_is_terminal = true;
  terminal.env["TERM"] = "xterm";
  const auto coloured = run_dossier({"search", "MIVD", "--db", folder.db()}, terminal);
  CHECK(coloured.out.find("\x1b[1;31mMIVD\x1b[0m") != std::string::npos);
  CHECK(coloured.out.ends_with("1-1 of 1\n"));
  terminal.env["NO_COLOR"] = "1";
  const auto plain = run_dossier({"search", "MIVD", "--db", folder.db()}, terminal);
  CHECK(plain.out.find('\x1b') == std::string::npos);
  CHECK(plain.out.find("MIVD") != std::string::npos);
}

TEST_CASE("search --help documents the query language, JSON fields and exit codes", "[e2e][search]") {
  const auto help = run_dossier({"search", "--help"});
  CHECK(help.exit_code == 0);
  for (const char* text : {"--any", "--offset", "-n,--limit", "<b></b>", "1 nothing matched", "NOT"}) {
    CHECK(help.out.find(text) != std::string::npos);
  }
}
