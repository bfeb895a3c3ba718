#include "dossier/analysis/utc_time.h"

#include <catch2/catch.hpp>

using dossier::analysis::iso_utc_time;

TEST_CASE("times print as ISO 8601 in UTC to the second", "[utc_time]") {
  CHECK(iso_utc_time(0) == "1970-01-01T00:00:00Z");
  CHECK(iso_utc_time(1709719200) == "2024-03-06T10:00:00Z");
  // A leap day, late in the day: no local time zone or off-by-one day creeps in.
  CHECK(iso_utc_time(1709251199) == "2024-02-29T23:59:59Z");
}
