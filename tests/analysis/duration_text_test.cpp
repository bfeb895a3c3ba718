#include "dossier/analysis/duration_text.h"

#include <catch2/catch.hpp>

using dossier::analysis::seconds_text;
using std::chrono::milliseconds;

TEST_CASE("durations read as seconds, with only the decimals they need", "[duration_text]") {
  CHECK(seconds_text(milliseconds(60000)) == "60 s");
  CHECK(seconds_text(milliseconds(500)) == "0.5 s");
  CHECK(seconds_text(milliseconds(1)) == "0.001 s");
  CHECK(seconds_text(milliseconds(1250)) == "1.25 s");
  CHECK(seconds_text(milliseconds(0)) == "0 s");
}
