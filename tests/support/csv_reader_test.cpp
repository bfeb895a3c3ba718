// The CSV reader the output tests rely on: strict RFC 4180, so sloppy CSV fails them.
#include "csv_reader.h"

#include <catch2/catch.hpp>

using dossier::testing::read_csv;

TEST_CASE("the CSV reader reads quoted fields with commas, quotes and line breaks", "[support][csv]") {
  CHECK(read_csv("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,x\r\n") ==
        std::vector<std::vector<std::string>>{{"a", "b,c", "say \"hi\"", "two\nlines"}, {"", "x"}});
}

TEST_CASE("the CSV reader refuses what RFC 4180 does not allow", "[support][csv]") {
  CHECK_THROWS_AS(read_csv("a,b\n"), std::invalid_argument);
  CHECK_THROWS_AS(read_csv("a,b"), std::invalid_argument);
  CHECK_THROWS_AS(read_csv("a\"b\r\n"), std::invalid_argument);
  CHECK_THROWS_AS(read_csv("\"open\r\n"), std::invalid_argument);
}
