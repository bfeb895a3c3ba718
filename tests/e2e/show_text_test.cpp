// `dossier show PATH --text [--query Q]` through the real binary: a report's text, PDF pages marked,
// the query's matches highlighted on a terminal and plain in a pipe.
#include <catch2/catch.hpp>
#include <string>

#include "dossier_runner.h"
#include "temp_dir.h"
#include "test_pdf.h"

using dossier::testing::index_into;
using dossier::testing::json_of;
using dossier::testing::ProcessSpec;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// A two-page PDF naming Sandworm on both pages, and a plain text report.
struct ShowFixture {
  TempDir reports;
  TempDir index;
  std::string db;
  std::string pdf;
  std::string txt;
  ShowFixture() {
    pdf = reports
              .write("paged.pdf", dossier::testing::build_pdf({{{"Sandworm deployed wipers"},
                                                                {"On page two Sandworm wiped more servers"}},
                                                               "/Title (Wiper Review)",
                                                               ""}))
              .string();
    txt = reports.write("notes.txt", "Notes\nWipers hit the grid.\nNo group was named.\n").string();
    db = index_into(reports.path(), index);
  }
};

const ShowFixture& fixture() {
  static const ShowFixture instance;
  return instance;
}

ProcessSpec terminal() {
  ProcessSpec spec;
  spec.stdout_is_terminal = true;
  spec.env["TERM"] = "xterm";
  return spec;
}

}  // namespace

TEST_CASE("show --text prints a report's text, PDF pages marked, plain in a pipe", "[e2e][show]") {
  const auto pdf =
      run_dossier({"show", fixture().pdf, "--text", "--query", "sandworm", "--db", fixture().db});
  CHECK(pdf.exit_code == 0);
  CHECK(pdf.out.find("--- page 1 ---\nSandworm deployed wipers") != std::string::npos);
  CHECK(pdf.out.find("--- page 2 ---\nOn page two Sandworm wiped more servers") != std::string::npos);
  CHECK(pdf.out.find('\x1b') == std::string::npos);
  CHECK(pdf.out.find('\f') == std::string::npos);
  const auto txt = run_dossier({"show", fixture().txt, "--text", "--db", fixture().db});
  CHECK(txt.out == "Notes\nWipers hit the grid.\nNo group was named.\n");
}

TEST_CASE("show --text --query highlights every match on a terminal", "[e2e][show]") {
  const auto result = run_dossier(
      {"show", fixture().pdf, "--text", "--query", "Sandworm wipers", "--db", fixture().db}, terminal());
  CHECK(result.exit_code == 0);
  const std::string mark = "\x1b[1;31m";
  std::size_t marks = 0;
  for (std::size_t at = result.out.find(mark); at != std::string::npos; at = result.out.find(mark, at + 1))
    ++marks;
  CHECK(marks == 3);  // Sandworm twice and wipers; "wiped" (stem "wipe") is not "wipers" (stem "wiper")
  CHECK(result.out.find(mark + "Sandworm\x1b[0m wiped") != std::string::npos);
  CHECK(result.out.find(mark + "wipers\x1b[0m") != std::string::npos);
}

TEST_CASE("show --text --json returns the text as pages of marked segments", "[e2e][show]") {
  const auto json = json_of(
      run_dossier({"show", fixture().pdf, "--text", "--query", "sandworm", "--json", "--db", fixture().db}));
  CHECK(json["title"] == "Wiper Review");
  CHECK(json["text"]["paginated"] == true);
  REQUIRE(json["text"]["pages"].size() == 2);
  CHECK(json["text"]["pages"][1]["page"] == 2);
  bool matched = false;
  for (const auto& segment : json["text"]["pages"][1]["segments"])
    matched = matched || (segment["match"] == true && segment["text"] == "Sandworm");
  CHECK(matched);
}

TEST_CASE("show --query needs --text, and a bad query exits 2", "[e2e][show]") {
  CHECK(run_dossier({"show", fixture().txt, "--query", "x", "--db", fixture().db}).exit_code == 2);
  const auto bad = run_dossier({"show", fixture().txt, "--text", "--query", "(x", "--db", fixture().db});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "error: unbalanced '(' at column 1\n");
}
