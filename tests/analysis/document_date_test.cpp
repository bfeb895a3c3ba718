#include "dossier/analysis/document_date.h"

#include <catch2/catch.hpp>

using dossier::analysis::DocumentDate;
using dossier::analysis::make_date;
using dossier::analysis::parse_iso_date;

TEST_CASE("a date keeps its precision in ISO form", "[document_date]") {
  CHECK(make_date(2024)->to_iso() == "2024");
  CHECK(make_date(2024, 3)->to_iso() == "2024-03");
  CHECK(make_date(2024, 2, 6)->to_iso() == "2024-02-06");
}

TEST_CASE("a date covers a range of days at its precision", "[document_date]") {
  CHECK(make_date(2024, 2)->first_day() == 20240201);
  CHECK(make_date(2024, 2)->last_day() == 20240229);
  CHECK(make_date(2023, 2)->last_day() == 20230228);
  CHECK(make_date(2024)->last_day() == 20241231);
  CHECK(make_date(2024, 3, 6)->first_day() == make_date(2024, 3, 6)->last_day());
}

TEST_CASE("impossible dates are refused", "[document_date]") {
  CHECK_FALSE(make_date(2024, 13).has_value());
  CHECK_FALSE(make_date(2024, 4, 31).has_value());
  CHECK_FALSE(make_date(2023, 2, 29).has_value());
  CHECK(make_date(2000, 2, 29).has_value());
  CHECK_FALSE(make_date(1900, 2, 29).has_value());
  CHECK_FALSE(make_date(2024, 0, 5).has_value());
  CHECK_FALSE(make_date(0).has_value());
}

TEST_CASE("ISO dates parse at three precisions and nothing else", "[document_date]") {
  CHECK(parse_iso_date("2024") == DocumentDate{2024, 0, 0});
  CHECK(parse_iso_date("2024-03") == DocumentDate{2024, 3, 0});
  CHECK(parse_iso_date("2024-03-06") == DocumentDate{2024, 3, 6});
  for (const char* bad : {"", "24", "2024-3", "2024-03-6", "2024/03/06", "2024-00", "2024-02-30", "20240306",
                          "2024-03-06T10:00", "-2024", "abcd"}) {
    CHECK_FALSE(parse_iso_date(bad).has_value());
  }
}
