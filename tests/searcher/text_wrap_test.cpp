#include "text_wrap.h"

#include <catch2/catch.hpp>
#include <string>

using dossier::searcher::display_width;
using dossier::searcher::LineWrapper;

namespace {

// The lines of `text`, as strings.
std::vector<std::string> wrapped(std::string_view text, std::size_t first, std::size_t width) {
  LineWrapper wrapper;
  std::vector<std::string> out;
  for (const auto& [begin, end] : wrapper.lines(text, first, width))
    out.emplace_back(text.substr(begin, end - begin));
  return out;
}

}  // namespace

TEST_CASE("display width counts East Asian wide characters twice and combining marks not at all",
          "[text_wrap]") {
  CHECK(display_width("espionage") == 9);
  CHECK(display_width("\u56fd\u5bb6\u5b89\u5168\u90e8") == 10);  // 国家安全部
  CHECK(display_width("\uff21") == 2);                           // fullwidth A
  CHECK(display_width("e\u0301") == 1);                          // e + combining acute
  CHECK(display_width("S\u00e9curit\u00e9") == 8);
  CHECK(display_width("") == 0);
}

TEST_CASE("lines break at spaces within the width, the spaces left out", "[text_wrap]") {
  CHECK(wrapped("the quick brown fox jumps", 10, 10) ==
        std::vector<std::string>{"the quick", "brown fox", "jumps"});
  CHECK(wrapped("short", 10, 10) == std::vector<std::string>{"short"});
  CHECK(wrapped("", 10, 10).empty());
  // The first line may be wider or narrower than the others.
  CHECK(wrapped("aaa bbb ccc ddd", 7, 3) == std::vector<std::string>{"aaa bbb", "ccc", "ddd"});
}

TEST_CASE("a word wider than a line is cut between characters", "[text_wrap]") {
  CHECK(wrapped("abcdefghij xy", 4, 4) == std::vector<std::string>{"abcd", "efgh", "ij", "xy"});
}

TEST_CASE("text without spaces breaks between East Asian characters by width", "[text_wrap]") {
  // Eight ideographs, 16 columns, in lines of 6 columns: three characters a line.
  const auto lines = wrapped("\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd\u5bb6", 6, 6);
  REQUIRE(lines.size() == 3);
  for (const std::string& line : lines)
    CHECK(display_width(line) <= 6);
  CHECK(lines[0] + lines[1] + lines[2] == "\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd\u5bb6");
}
