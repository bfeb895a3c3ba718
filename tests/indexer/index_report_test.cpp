#include "dossier/indexer/index_report.h"

#include <catch2/catch.hpp>

using dossier::indexer::IndexReport;

TEST_CASE("the JSON summary has every documented field", "[index_report]") {
  IndexReport report;
  report.indexed = 6;
  report.skipped = 1;
  report.failed = 1;
  report.seconds = 0.5;
  report.errors.push_back({std::string("/r/bad\xff\n.txt", 12), "not a regular file"});
  CHECK(dossier::indexer::report_to_json(report) ==
        "{\"indexed\":6,\"skipped\":1,\"failed\":1,\"seconds\":0.5,\"errors\":[{\"path\":\"/r/"
        "bad\xef\xbf\xbd\\n.txt\","
        "\"reason\":\"not a regular file\"}]}");
}

TEST_CASE("the summary line reads as a sentence", "[index_report]") {
  IndexReport report;
  report.indexed = 2;
  report.seconds = 0.123;
  CHECK(dossier::indexer::report_to_line(report) == "indexed 2, skipped 0, failed 0 in 0.12 s");
}
