#include "dossier/indexer/text_extractor.h"

#include <catch2/catch.hpp>
#include <string>

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/markdown_extractor.h"

using dossier::indexer::decode_text;
using dossier::indexer::extract_plain_text;
using dossier::indexer::first_line_title;
using dossier::indexer::text_title;

namespace {

// UTF-16 code units as bytes in either order (the tests' texts are in the Basic Multilingual Plane
// or use explicit surrogate pairs).
std::string utf16_bytes(std::u16string_view text, bool little_endian) {
  std::string out;
  for (char16_t unit : text) {
    const char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
    out.push_back(little_endian ? low : high);
    out.push_back(little_endian ? high : low);
  }
  return out;
}

std::string utf32le_bytes(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) {
    for (int shift = 0; shift < 32; shift += 8)
      out.push_back(static_cast<char>((c >> shift) & 0xFF));
  }
  return out;
}

}  // namespace

TEST_CASE("the title of a text is its first non-empty line, trimmed", "[text_extractor]") {
  CHECK(extract_plain_text("\n\n   Covert Operations in Europe  \r\nbody").title ==
        "Covert Operations in Europe");
  CHECK(extract_plain_text("").title.empty());
  CHECK(extract_plain_text(" \n\t\n").title.empty());
}

TEST_CASE("a first line that is only a byline or a date is not the title", "[text_extractor]") {
  CHECK(extract_plain_text("Written by Britt Verregghen - March 2024\nCovert Operations\nbody").title ==
        "Covert Operations");
  CHECK(extract_plain_text("13 February 2024\n\nNorway's threat assessment\n").title ==
        "Norway's threat assessment");
  CHECK(extract_plain_text("By Mark Arena, CEO of Intel 471.\nRansomware in 2024").title ==
        "Ransomware in 2024");
  CHECK(extract_plain_text("By contrast, a short note\nmore").title == "By contrast, a short note");
  CHECK(text_title("Written by Britt Verregghen\n") == "");
}

TEST_CASE("the title is the first line that reads like a heading, not a sentence", "[text_extractor]") {
  CHECK(text_title("We knew it. But the report says more.\nThe 2024 Assessment\nbody") ==
        "The 2024 Assessment");
  CHECK(text_title("A sentence ending in a full stop.\nWho hacked the DNC?\n") == "Who hacked the DNC?");
  CHECK(text_title("one,\ntwo;\nthree.\nfour. five\nsix.\nSeventh line is too late\n") == "one,");
}

TEST_CASE("a long first line is shortened on a word boundary when nothing reads like a title",
          "[text_extractor]") {
  const std::string sentence =
      "Norway offers further confirmation of espionage in Europe, according to the annual "
      "assessment of security threats published this week by its intelligence service.";
  const std::string title = text_title(sentence + "\nSecond sentence here.\n");
  CHECK(title.ends_with("\u2026"));
  CHECK(sentence.starts_with(title.substr(0, title.size() - 3)));
  CHECK(title.size() <= dossier::indexer::kMaxTitleLineBytes + 3);
  CHECK(title[title.size() - 4] != ' ');
}

TEST_CASE("a title is cut on a character boundary", "[text_extractor]") {
  std::string line;
  for (int i = 0; i < 400; ++i)
    line += "\xC3\xA9";
  const std::string title = extract_plain_text("Author: Jane Doe\n" + line).title;
  CHECK(title.size() <= dossier::indexer::kMaxTitleLineBytes + 3);
  CHECK(dossier::analysis::is_valid_utf8(title));
}

TEST_CASE("a byte order mark is dropped and invalid bytes replaced", "[text_extractor]") {
  const auto document = extract_plain_text("\xEF\xBB\xBFTitle\xff\nbody");
  CHECK(document.title == "Title\xEF\xBF\xBD");
  CHECK(dossier::analysis::is_valid_utf8(document.text));
}

TEST_CASE("valid UTF-8 is kept byte for byte", "[text_extractor][charset]") {
  const std::string text =
      "S\xC3\xA9"
      "curit\xC3\xA9 \xE5\x9B\xBD\xE5\xAE\xB6 \xF0\x9F\x94\x92\n";
  CHECK(decode_text(text) == text);
  CHECK(decode_text("\xEF\xBB\xBF" + text) == text);
}

TEST_CASE("an overlong first line gives a title cut on a character boundary", "[text_extractor]") {
  std::string line;
  for (int i = 0; i < 400; ++i)
    line += "\xe4\xb8\xad";
  const std::string title = first_line_title(line);
  CHECK(title.size() <= dossier::indexer::kMaxTitleBytes);
  CHECK(dossier::analysis::is_valid_utf8(title));
}

TEST_CASE("a Latin-1 file is converted to UTF-8", "[text_extractor][charset]") {
  const std::string latin1 =
      "La s\xE9"
      "curit\xE9 des institutions europ\xE9"
      "ennes reste expos\xE9"
      "e \xE0 l'espionnage et \xE0 "
      "l'ing\xE9rence de puissances \xE9trang\xE8res. Les services fran\xE7"
      "ais d\xE9"
      "crivent une menace "
      "durable.\n";
  CHECK(decode_text(latin1) ==
        "La s\xC3\xA9"
        "curit\xC3\xA9 des institutions europ\xC3\xA9"
        "ennes reste expos\xC3\xA9"
        "e \xC3\xA0 "
        "l'espionnage et \xC3\xA0 l'ing\xC3\xA9rence de puissances \xC3\xA9trang\xC3\xA8res. Les services "
        "fran\xC3\xA7"
        "ais d\xC3\xA9"
        "crivent une menace durable.\n");
  CHECK(decode_text("caf\xE9") == "caf\xC3\xA9");
  CHECK(decode_text("\xC4pfel und Birnen") == "\xC3\x84pfel und Birnen");
}

TEST_CASE("a windows-1252 file keeps its curly quotes and dashes", "[text_extractor][charset]") {
  const std::string cp1252 =
      "\x93"
      "Chinese espionage remains a key concern,\x94 the agency\x92s report says \x96 and it is "
      "not the first time that the service has warned European companies.\n";
  CHECK(decode_text(cp1252) ==
        "\xE2\x80\x9C"
        "Chinese espionage remains a key concern,\xE2\x80\x9D the agency\xE2\x80\x99s report "
        "says \xE2\x80\x93 and it is not the first time that the service has warned European companies.\n");
}

TEST_CASE("UTF-16 and UTF-32 files with a byte order mark are converted", "[text_extractor][charset]") {
  const std::u16string text = u"Sécurité nationale 国家安全部 \U0001F512\n";
  const std::string expected =
      "S\xC3\xA9"
      "curit\xC3\xA9 nationale \xE5\x9B\xBD\xE5\xAE\xB6\xE5\xAE\x89\xE5\x85\xA8"
      "\xE9\x83\xA8 \xF0\x9F\x94\x92\n";
  CHECK(decode_text("\xFF\xFE" + utf16_bytes(text, true)) == expected);
  CHECK(decode_text("\xFE\xFF" + utf16_bytes(text, false)) == expected);
  CHECK(decode_text(std::string("\xFF\xFE\0\0", 4) +
                    utf32le_bytes(U"Sécurité nationale 国家安全部 \U0001F512\n")) == expected);
  const auto document = extract_plain_text("\xFF\xFE" + utf16_bytes(u"Title line\r\nbody", true));
  CHECK(document.title == "Title line");
}

TEST_CASE("UTF-16 without a byte order mark is recognised when it is clearly UTF-16",
          "[text_extractor][charset]") {
  CHECK(decode_text(utf16_bytes(u"Threat assessment of the Norwegian intelligence service\n", true)) ==
        "Threat assessment of the Norwegian intelligence service\n");
}

TEST_CASE("a UTF-16 file with an unpaired surrogate still gives valid UTF-8", "[text_extractor][charset]") {
  const std::u16string text{u'a', char16_t(0xD800), u'b'};
  const std::string decoded = decode_text("\xFF\xFE" + utf16_bytes(text, true));
  CHECK(dossier::analysis::is_valid_utf8(decoded));
  CHECK(decoded.starts_with("a"));
  CHECK(decoded.ends_with("b"));
}

TEST_CASE("mostly UTF-8 with a stray byte stays UTF-8", "[text_extractor][charset]") {
  CHECK(decode_text("S\xC3\xA9"
                    "curit\xC3\xA9 int\xC3\xA9rieure et d\xC3\xA9"
                    "fense \xFF fin") ==
        "S\xC3\xA9"
        "curit\xC3\xA9 int\xC3\xA9rieure et d\xC3\xA9"
        "fense \xEF\xBF\xBD fin");
}

TEST_CASE("Shift_JIS text is detected and converted", "[text_extractor][charset]") {
  // "国家安全部の情報活動について報告する。" twice, in Shift_JIS.
  const std::string sjis =
      "\x8D\x91\x89\xC6\x88\xC0\x91\x53\x95\x94\x82\xCC\x8F\xEE\x95\xF1\x8A\x88\x93\xAE\x82\xC9\x82\xC2\x82"
      "\xA2\x82\xC4\x95\xF1\x8D\x90\x82\xB7\x82\xE9\x81\x42";
  const std::string utf8 = decode_text(sjis + sjis);
  CHECK(utf8.starts_with("\xE5\x9B\xBD\xE5\xAE\xB6\xE5\xAE\x89\xE5\x85\xA8\xE9\x83\xA8"));
}

TEST_CASE("any bytes decode to valid UTF-8", "[text_extractor][charset][hostile]") {
  std::string noise;
  std::uint32_t state = 7;
  for (int i = 0; i < 50'000; ++i) {
    state = state * 1103515245 + 12345;
    noise.push_back(static_cast<char>(state >> 24));
  }
  for (const std::string& bytes : {noise, std::string("\xFF\xFE"), std::string("\xFE\xFF\xD8"),
                                   std::string("\0\0\0", 3), std::string("\x81\x8D\x8F\x90\x9D")}) {
    CHECK(dossier::analysis::is_valid_utf8(decode_text(bytes)));
  }
}

namespace {

std::string noise(std::size_t size, std::uint32_t seed) {
  std::string bytes;
  for (std::size_t i = 0; i < size; ++i) {
    seed = seed * 1103515245 + 12345;
    bytes.push_back(static_cast<char>(seed >> 24));
  }
  return bytes;
}

std::string repeated(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i)
    out.append(piece);
  return out;
}

}  // namespace

TEST_CASE("bytes that are mostly not text are binary data, not text", "[text_extractor][binary]") {
  using dossier::indexer::decode_text_file;
  using dossier::indexer::ExtractionError;
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    CHECK_THROWS_AS(decode_text_file(noise(64 * 1024, seed)), ExtractionError);
    CHECK_THROWS_AS(decode_text_file(noise(400, seed)), ExtractionError);
  }
  // An executable's header and zero-filled sections; valid UTF-8 full of control bytes.
  CHECK_THROWS_WITH(decode_text_file("\x7F"
                                     "ELF\x02\x01\x01" +
                                     std::string(2000, '\0') + noise(2000, 9)),
                    "binary data, not text");
  CHECK_THROWS_AS(decode_text_file(repeated(std::string("\x01\x02\x03\x04 ok ", 8), 50)), ExtractionError);
  CHECK_THROWS_AS(extract_plain_text(noise(5000, 3)), ExtractionError);
  CHECK_THROWS_AS(dossier::indexer::extract_markdown(noise(5000, 3)), ExtractionError);
}

TEST_CASE("legacy encodings, UTF-16 and text with stray control bytes are text", "[text_extractor][binary]") {
  using dossier::indexer::decode_text_file;
  const std::string prose = "Security services warned about the intrusion campaign last year.\n";
  CHECK(decode_text_file(repeated("S\xE9"
                                  "curit\xE9 nationale et ing\xE9rence \xE9trang\xE8re. ",
                                  40))
            .starts_with("S\xC3\xA9"
                         "curit\xC3\xA9"));  // Latin-1
  // KOI8-R that ICU's detector takes for Greek, which leaves holes: the other readings are tried.
  CHECK(decode_text_file(repeated("\xF3\xEC\xD5\xD6\xC2\xC1 \xD2\xC1\xDA\xD7\xC5\xC4\xCB\xC9 ", 60))
            .starts_with("\u0421\u041b\u0443\u0436\u0431\u0430 \u0440\u0430\u0437"));
  CHECK(decode_text_file("\xFF\xFE" + utf16_bytes(u"Title line\r\nbody", true)) == "Title line\r\nbody");
  // UTF-16 without a byte order mark too short for ICU's detector to be sure.
  CHECK(decode_text_file(utf16_bytes(u"Short note on APT40\n", true)) == "Short note on APT40\n");
  CHECK(decode_text_file(utf16_bytes(u"Short note on APT40\n", false)) == "Short note on APT40\n");
  // Stray NULs, a bell, a form feed and terminal colours in a log.
  const std::string log =
      repeated("\x1B[31mALERT\x1B[0m " + prose, 50) + std::string("\0\0\x07\f", 4) + prose;
  CHECK_NOTHROW(decode_text_file(log));
  CHECK_NOTHROW(decode_text_file(std::string("nullwort\0\0\0 between\0 hornbeam\n", 30)));
  CHECK(decode_text_file("").empty());
}
