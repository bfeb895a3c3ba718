// Times as the index records them and people write them.
#include "dossier/analysis/utc_time.h"

#include <catch2/catch.hpp>

using dossier::analysis::iso_utc_time;
using dossier::analysis::parse_utc_time;
using dossier::analysis::utc_text;

TEST_CASE("times print as ISO 8601 in UTC to the second", "[utc_time]") {
  CHECK(iso_utc_time(0) == "1970-01-01T00:00:00Z");
  CHECK(iso_utc_time(1709719200) == "2024-03-06T10:00:00Z");
  // A leap day, late in the day: no local time zone or off-by-one day creeps in.
  CHECK(iso_utc_time(1709251199) == "2024-02-29T23:59:59Z");
}

namespace {
constexpr std::int64_t kSecond = 1'000'000'000;
}

TEST_CASE("an index time reads as ISO 8601 UTC to the second", "[analysis][utc_time]") {
  CHECK(utc_text(0) == "1970-01-01T00:00:00Z");
  CHECK(utc_text(1764669600 * kSecond + 999) == "2025-12-02T10:00:00Z");
  CHECK(utc_text(-1) == "1969-12-31T23:59:59Z");
}

TEST_CASE("a date, or a date and time, parses as UTC", "[analysis][utc_time]") {
  CHECK(parse_utc_time("1970-01-02") == 86400 * kSecond);
  CHECK(parse_utc_time("2025-12-02T10:00") == 1764669600 * kSecond);
  CHECK(parse_utc_time("2025-12-02T10:00:00Z") == 1764669600 * kSecond);
  CHECK(parse_utc_time("2025-12-02 10:00:01") == 1764669601 * kSecond);
  CHECK(parse_utc_time("2024-02-29"));
  CHECK(parse_utc_time("2261-12-31T23:59:59Z") > parse_utc_time("2200-01-01"));
}

TEST_CASE("text that is no UTC time is refused", "[analysis][utc_time]") {
  for (const char* text :
       {"", "yesterday", "2025-13-01", "2025-02-29", "2025-12-02T24:00", "2025-12-02T10:60",
        "2025-12-02X10:00", "2025-12-2", "+025-12-02", "1969-12-31", "2262-01-01", "2025-12-02T10:00:0x"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_utc_time(text));
  }
}
