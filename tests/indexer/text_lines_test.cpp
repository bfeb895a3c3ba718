#include "dossier/indexer/text_lines.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {
std::vector<std::string> lines(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view line : dossier::indexer::TextLines(text))
    out.emplace_back(line);
  return out;
}
}  // namespace

TEST_CASE("lines end at LF, CRLF or CR and a final break adds no empty line", "[text_lines]") {
  CHECK(lines("a\nb\r\nc\rd") == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(lines("a\n\nb\n") == std::vector<std::string>{"a", "", "b"});
  CHECK(lines("").empty());
  CHECK(dossier::indexer::trim(" \t x y \r\n") == "x y");
}
