#include "dossier/analysis/utf8.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "unicode_spaces.h"

using dossier::analysis::is_ascii_space;
using dossier::analysis::is_continuation_byte;
using dossier::analysis::is_valid_utf8;
using dossier::analysis::repair_utf8;
using dossier::analysis::utf8_prefix;

namespace {
const std::string kFffd = "\xEF\xBF\xBD";
}

TEST_CASE("valid UTF-8 passes through unchanged, NUL bytes included", "[utf8]") {
  const std::string text = std::string("caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80\0end", 17);
  CHECK(is_valid_utf8(text));
  CHECK(repair_utf8(text) == text);
}

TEST_CASE("each ill-formed sequence becomes one replacement character", "[utf8]") {
  CHECK(repair_utf8("a\xff"
                    "b") == "a" + kFffd + "b");                              // never valid
  CHECK(repair_utf8("a\xc3") == "a" + kFffd);                                // truncated at the end
  CHECK(repair_utf8("\xc0\xaf") == kFffd + kFffd);                           // overlong "/"
  CHECK(repair_utf8("\xed\xa0\x80") == kFffd + kFffd + kFffd);               // encoded surrogate U+D800
  CHECK(repair_utf8("\x80x") == kFffd + "x");                                // stray continuation
  CHECK(repair_utf8("\xf4\x90\x80\x80").find("\xf4") == std::string::npos);  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));
  CHECK(is_valid_utf8(repair_utf8("\xed\xa0\x80\xff\xc3")));
}

TEST_CASE("a prefix never ends inside a multi-byte character", "[utf8]") {
  const std::string text = "\xe4\xb8\xad\xe6\x96\x87";  // 中文
  CHECK(utf8_prefix(text, 6) == text);
  CHECK(utf8_prefix(text, 5) == "\xe4\xb8\xad");
  CHECK(utf8_prefix(text, 3) == "\xe4\xb8\xad");
  CHECK(utf8_prefix(text, 2).empty());
}

TEST_CASE("ASCII white space and UTF-8 continuation bytes are told apart from everything else", "[utf8]") {
  for (const char c : {' ', '\t', '\n', '\r', '\f', '\v'})
    REQUIRE(is_ascii_space(c));
  // No byte of U+00A0 (NO-BREAK SPACE) or U+3000 (IDEOGRAPHIC SPACE) is taken for ASCII space.
  for (const char c : std::string_view("a\0_\xC2\xA0\xE3\x80\x80", 8))
    REQUIRE_FALSE(is_ascii_space(c));
  const std::string_view e_acute = "\xC3\xA9";
  REQUIRE_FALSE(is_continuation_byte(e_acute[0]));
  REQUIRE(is_continuation_byte(e_acute[1]));
  REQUIRE_FALSE(is_continuation_byte('e'));
}

TEST_CASE("every Unicode space separator and U+200B is white space of its own length", "[utf8]") {
  const auto spaces = dossier::testing::word_separating_spaces();
  REQUIRE(spaces.size() >= 18);  // Unicode 15 has 17 Zs characters; U+200B makes 18
  for (const auto& space : spaces) {
    INFO(space.name);
    CHECK(dossier::analysis::is_white_space(static_cast<std::int32_t>(space.code_point)));
    const std::string text = "a" + space.utf8 + "b";
    CHECK(dossier::analysis::white_space_length(text, 1) == space.utf8.size());
    CHECK(dossier::analysis::white_space_length_before(text, 1 + space.utf8.size()) == space.utf8.size());
    CHECK(dossier::analysis::collapse_white_space(space.utf8 + "a" + space.utf8 + space.utf8 + "b") == "a b");
  }
}

TEST_CASE("letters, punctuation, joiners and ill-formed bytes are not white space", "[utf8]") {
  using dossier::analysis::white_space_length;
  for (const char* text :
       {"a", "\xC3\xA9", "\xE2\x80\x8D", "\xE2\x80\x94", "\xEF\xBB\xBF", "\xE2\x80", "\xC2"}) {
    INFO(text);
    CHECK(white_space_length(text, 0) == 0);
  }
  CHECK(white_space_length("ab", 5) == 0);
  CHECK(dossier::analysis::white_space_length_before("\xC2\xA0", 1) == 0);  // inside the character
  CHECK(dossier::analysis::collapse_white_space("\t one \n\u2028 two\u3000") == "one two");
}
