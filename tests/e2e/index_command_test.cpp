// The real binary: `dossier index`.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <regex>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::json_of;
using dossier::testing::ProcessSpec;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

TEST_CASE("index --json prints the documented summary object", "[e2e][index]") {
  const TempDir reports, index;
  reports.write("a.txt", "one");
  reports.write("b.md", "# two");
  reports.write("c.bin", "skip");
  const auto result =
      run_dossier({"index", reports.path().string(), "--db", (index.path() / "db").string(), "--json"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  const auto json = json_of(result);
  CHECK(json["indexed"] == 2);
  CHECK(json["skipped"] == 1);
  CHECK(json["failed"] == 0);
  CHECK(json["seconds"].is_number());
  CHECK(json["errors"].empty());
}

TEST_CASE("a file that fails is named with its reason, the rest is indexed, exit 1", "[e2e][index]") {
  const TempDir reports, index;
  reports.write("good.txt", "fine");
  const auto big = reports.write("big.txt", std::string(500, 'x'));
  const auto result = run_dossier({"index", reports.path().string(), "--db", (index.path() / "db").string(),
                                   "--max-size", "100", "--json"});
  CHECK(result.exit_code == 1);
  CHECK(result.err == "error: " + big.string() + ": larger than 100 bytes\n");
  const auto json = json_of(result);
  CHECK(json["indexed"] == 1);
  CHECK(json["failed"] == 1);
  CHECK(json["errors"][0]["path"] == big.string());
  CHECK(json["errors"][0]["reason"] == "larger than 100 bytes");
}

TEST_CASE("file names with line breaks or escape codes are printed harmlessly", "[e2e][index]") {
  const TempDir reports, index;
  reports.write("bad\n\x1b[31mname.txt", std::string(500, 'x'));
  const auto result = run_dossier(
      {"index", reports.path().string(), "--db", (index.path() / "db").string(), "--max-size", "100"});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("bad\\n\\x1b[31mname.txt: larger than 100 bytes") != std::string::npos);
  CHECK(result.err.find('\x1b') == std::string::npos);
}

TEST_CASE("indexing twice leaves one document per file", "[e2e][index]") {
  const TempDir reports, index;
  reports.write("a.txt", "one");
  reports.write("b.txt", "two");
  const std::string db = (index.path() / "db").string();
  REQUIRE(run_dossier({"index", reports.path().string(), "--db", db}).exit_code == 0);
  REQUIRE(run_dossier({"index", reports.path().string(), "--db", db}).exit_code == 0);
  CHECK(Xapian::Database(db).get_doccount() == 2);
}

TEST_CASE("the default index is $DOSSIER_DB, else $XDG_DATA_HOME, else ~/.local/share", "[e2e][index]") {
  const TempDir reports, home;
  reports.write("a.txt", "one");
  ProcessSpec spec;
  spec.env["HOME"] = home.path().string();
  REQUIRE(run_dossier({"index", reports.path().string()}, spec).exit_code == 0);
  CHECK(std::filesystem::exists(home.path() / ".local/share/dossier/index"));

  spec.env["XDG_DATA_HOME"] = (home.path() / "xdg").string();
  REQUIRE(run_dossier({"index", reports.path().string()}, spec).exit_code == 0);
  CHECK(std::filesystem::exists(home.path() / "xdg/dossier/index"));

  spec.env["DOSSIER_DB"] = (home.path() / "env-db").string();
  REQUIRE(run_dossier({"index", reports.path().string()}, spec).exit_code == 0);
  CHECK(std::filesystem::exists(home.path() / "env-db"));
}

TEST_CASE("exclude flags and .dossierignore files keep paths out of the index", "[e2e][index]") {
  const TempDir reports, index;
  reports.write(".dossierignore", "README.md\n");
  reports.write("README.md", "notes");
  reports.write("drafts/a.txt", "draft");
  const auto kept = reports.write("final.txt", "final");
  const std::string db = (index.path() / "db").string();
  const auto result =
      run_dossier({"index", reports.path().string(), "--db", db, "--exclude", "drafts/", "--json"});
  CHECK(result.exit_code == 0);
  CHECK(json_of(result)["indexed"] == 1);
  // The one document is final.txt: the excluded folder and the ignored file are not searchable.
  const auto found = run_dossier({"search", "*", "--db", db, "--json"});
  REQUIRE(found.exit_code == 0);
  const auto hits = json_of(found)["hits"];
  REQUIRE(hits.size() == 1);
  CHECK(std::filesystem::path(hits[0]["path"].get<std::string>()).filename() == kept.filename());
  CHECK(run_dossier({"search", "draft OR notes", "--db", db}).exit_code == 1);
}

TEST_CASE("bad arguments exit 2 and --help documents the exit codes", "[e2e][index]") {
  CHECK(run_dossier({"index"}).exit_code == 2);
  CHECK(run_dossier({"index", "x", "--no-such-flag"}).exit_code == 2);
  CHECK(run_dossier({}).exit_code == 2);
  const auto help = run_dossier({"index", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("75 index locked") != std::string::npos);
  CHECK(help.out.find("--json") != std::string::npos);
}
