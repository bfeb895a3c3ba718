#include "dossier/indexer/date_text.h"

#include <catch2/catch.hpp>
#include <string>

using dossier::indexer::find_date;
using dossier::indexer::parse_date_value;

namespace {

// The date found in `text` in ISO form ("" when none).
std::string found(std::string_view text) {
  const auto match = find_date(text);
  return match ? match->date.to_iso() : "";
}

}  // namespace

TEST_CASE("a month and year is a date at month precision", "[date_text]") {
  CHECK(found("Written by Britt Verregghen - March 2024") == "2024-03");
  CHECK(found("Sept. 2023 edition") == "2023-09");
  CHECK(found("May, 2021") == "2021-05");
}

TEST_CASE("each written day form is a date at day precision", "[date_text]") {
  CHECK(found("February 13, 2024") == "2024-02-13");
  CHECK(found("Feb. 13, 2024") == "2024-02-13");
  CHECK(found("Jun 17, 2016") == "2016-06-17");
  CHECK(found("Jun 17 2016") == "2016-06-17");
  CHECK(found("March 3rd, 2024") == "2024-03-03");
  CHECK(found("13 February 2024") == "2024-02-13");
  CHECK(found("13 Feb 2024") == "2024-02-13");
  CHECK(found("On the 6th of February 2024, the MIVD") == "2024-02-06");
  CHECK(found("1st of May, 2023") == "2023-05-01");
  CHECK(found("2024-02-13") == "2024-02-13");
  CHECK(found("updated 2024-02-13T10:00:00Z") == "2024-02-13");
  CHECK(found("13.02.2024") == "2024-02-13");
  CHECK(found("6.2.2024") == "2024-02-06");
}

TEST_CASE("where a date is in the text is reported", "[date_text]") {
  const auto match = find_date("(Newsweek, February 13, 2024).");
  REQUIRE(match.has_value());
  CHECK(match->begin == 11);
  CHECK(match->end == 28);
}

TEST_CASE("impossible, glued or lower-case dates are not dates", "[date_text]") {
  CHECK(found("31 April 2024") == "2024-04");  // no such day, but "April 2024" is still a month
  CHECK(found("February 30, 2024") == "");
  CHECK(found("2024-13-01") == "");
  CHECK(found("32.01.2024") == "");
  CHECK(found("march 2024") == "");
  CHECK(found("Marching 2024") == "");
  CHECK(found("X2024-02-13") == "");
  CHECK(found("March 20245") == "");
  CHECK(found("12024-02-13") == "");
  CHECK(found("in 2024 and March") == "");
  CHECK(found("") == "");
  CHECK(found("March") == "");
}

TEST_CASE("a metadata date keeps the date part of a timestamp and its precision", "[date_text]") {
  CHECK(parse_date_value("2024")->to_iso() == "2024");
  CHECK(parse_date_value("2024-03")->to_iso() == "2024-03");
  CHECK(parse_date_value(" \"2024-03-06\" ")->to_iso() == "2024-03-06");
  CHECK(parse_date_value("2024-03-06T09:30:00+01:00")->to_iso() == "2024-03-06");
  CHECK(parse_date_value("2024-03-06 09:30")->to_iso() == "2024-03-06");
  CHECK(parse_date_value("Tue, 13 Feb 2024 10:00:00 GMT")->to_iso() == "2024-02-13");
  CHECK(parse_date_value("'March 2024'")->to_iso() == "2024-03");
  CHECK_FALSE(parse_date_value("yesterday").has_value());
  CHECK_FALSE(parse_date_value("2024-02-30").has_value());
  CHECK_FALSE(parse_date_value("").has_value());
}
