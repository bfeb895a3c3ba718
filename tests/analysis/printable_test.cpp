#include "dossier/analysis/printable.h"

#include <catch2/catch.hpp>

using dossier::analysis::printable;

TEST_CASE("control characters are escaped so nothing reaches a terminal as a command", "[printable]") {
  CHECK(printable("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(printable("\x1b[31mred") == "\\x1b[31mred");
  CHECK(printable("\xc2\x9b"
                  "31m") == "\\u009b31m");
  CHECK(printable(std::string("nul\0x", 5)) == "nul\\x00x");
}

TEST_CASE("ordinary text and invalid bytes come out as valid UTF-8", "[printable]") {
  CHECK(printable("r\u00e9seau \u4e2d\u6587 C:\\path") == "r\u00e9seau \u4e2d\u6587 C:\\path");
  CHECK(printable("bad\xff") == "bad\xef\xbf\xbd");
}
