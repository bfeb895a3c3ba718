#include "dossier/indexer/index_report.h"

#include <catch2/catch.hpp>

using dossier::indexer::IndexReport;

TEST_CASE("the JSON summary has every documented field", "[index_report]") {
  IndexReport report;
  report.added = 4;
  report.updated = 1;
  report.renamed = 1;
  report.deleted = 2;
  report.unchanged = 7;
  report.skipped = 1;
  report.failed = 3;
  report.failed_before = 2;
  report.root_errors = 1;
  report.seconds = 0.5;
  report.errors.push_back({std::string("/r/bad\xff\n.txt", 12), "not a regular file"});
  CHECK(dossier::indexer::report_to_json(report) ==
        "{\"indexed\":6,\"added\":4,\"updated\":1,\"renamed\":1,\"deleted\":2,\"unchanged\":7,"
        "\"skipped\":1,\"failed\":3,\"failed_before\":2,\"root_errors\":1,\"seconds\":0.5,\"errors\":[{"
        "\"path\":\"/r/bad\xef\xbf\xbd\\n.txt\",\"reason\":\"not a regular file\"}],\"error\":null}");
}

TEST_CASE("a run stopped by a fatal error has the same fields, zero counts and its error", "[index_report]") {
  CHECK(dossier::indexer::stopped_run_to_json("index /x is locked by another writer (waited 0.5 s)", 0.5) ==
        "{\"indexed\":0,\"added\":0,\"updated\":0,\"renamed\":0,\"deleted\":0,\"unchanged\":0,"
        "\"skipped\":0,\"failed\":0,\"failed_before\":0,\"root_errors\":0,\"seconds\":0.5,\"errors\":[],"
        "\"error\":\"index /x is locked by another writer (waited 0.5 s)\"}");
}

TEST_CASE("the summary line reads as a sentence", "[index_report]") {
  IndexReport report;
  report.added = 2;
  report.unchanged = 3;
  report.seconds = 0.123;
  CHECK(dossier::indexer::report_to_line(report) ==
        "added 2, updated 0, renamed 0, deleted 0, unchanged 3, skipped 0, failed 0 in 0.12 s");
}

TEST_CASE("root errors appear in the summary line only when there are some", "[index_report]") {
  IndexReport report;
  report.root_errors = 1;
  CHECK(
      dossier::indexer::report_to_line(report) ==
      "added 0, updated 0, renamed 0, deleted 0, unchanged 0, skipped 0, failed 0, root errors 1 in 0.00 s");
}
