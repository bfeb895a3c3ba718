// One CSV field: quoted when it must be, never a formula, always UTF-8.
#include "dossier/searcher/csv_field.h"

#include <catch2/catch.hpp>

using dossier::searcher::csv_field;

TEST_CASE("CSV fields are quoted only when they need to be", "[searcher][csv]") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a, b") == "\"a, b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("") == "");
}

TEST_CASE("a field a spreadsheet would run as a formula is defused", "[searcher][csv]") {
  CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_field("+1") == "'+1");
  CHECK(csv_field("-2") == "'-2");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("a=b") == "a=b");
}

TEST_CASE("CSV fields are valid UTF-8", "[searcher][csv]") {
  CHECK(csv_field("caf\xe9") == "caf\xef\xbf\xbd");
}

TEST_CASE("a CSV line joins its fields with commas and ends with CRLF", "[searcher][csv]") {
  CHECK(dossier::searcher::csv_line({"1", csv_field("a,b"), ""}) == "1,\"a,b\",\r\n");
  CHECK(dossier::searcher::csv_line({}) == "\r\n");
}
