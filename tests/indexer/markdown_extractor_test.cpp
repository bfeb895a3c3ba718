#include "dossier/indexer/markdown_extractor.h"

#include <catch2/catch.hpp>

using dossier::indexer::extract_markdown;
using dossier::indexer::strip_inline_markdown;

TEST_CASE("the first heading is the title and heading markers are not text", "[markdown]") {
  const auto document = extract_markdown("intro line\n\n## Threat *Assessment* 2024 ##\n\nBody text.\n");
  CHECK(document.title == "Threat Assessment 2024");
  CHECK(document.text == "intro line\n\nThreat Assessment 2024\n\nBody text.\n");
}

TEST_CASE("a setext heading is a title too", "[markdown]") {
  const auto document = extract_markdown("Volt Typhoon notes\n==================\ntext\n");
  CHECK(document.title == "Volt Typhoon notes");
  CHECK(document.text == "Volt Typhoon notes\ntext\n");
}

TEST_CASE("front matter is not indexed and its title wins", "[markdown]") {
  const auto document =
      extract_markdown("---\ntitle: \"Front title\"\nauthor: someone\n---\n# Heading\nbody\n");
  CHECK(document.title == "Front title");
  CHECK(document.text.find("author") == std::string::npos);
  CHECK(document.text.find("Heading") != std::string::npos);
}

TEST_CASE("front matter fields become the document's metadata", "[markdown]") {
  const auto document = extract_markdown(
      "---\ntitle: Report\nauthors: [Jane Doe, John Smith]\ndate: 2024-03\ntags:\n  - MSS\n  - Europe\n"
      "summary: Short\nlanguage: nb-NO\n---\nbody\n");
  CHECK(document.title == "Report");
  CHECK(document.author == "Jane Doe, John Smith");
  REQUIRE(document.date.has_value());
  CHECK(document.date->to_iso() == "2024-03");
  CHECK(document.keywords == std::vector<std::string>{"MSS", "Europe"});
  CHECK(document.description == "Short");
  CHECK(document.language == "nb");
  CHECK(document.text == "body\n");
}

TEST_CASE("an unclosed front matter block is text, not metadata", "[markdown]") {
  const auto document = extract_markdown("---\nauthor: Jane Doe\nbody\n");
  CHECK(document.author.empty());
  CHECK(document.text.find("author: Jane Doe") != std::string::npos);
}

TEST_CASE("markdown in a legacy encoding is decoded", "[markdown]") {
  CHECK(extract_markdown("# S\xE9"
                         "curit\xE9 int\xE9rieure\n")
            .title ==
        "S\xC3\xA9"
        "curit\xC3\xA9 int\xC3\xA9rieure");
}

TEST_CASE("without a heading the first line is the title", "[markdown]") {
  CHECK(extract_markdown("Plain first line\nmore").title == "Plain first line");
  CHECK(extract_markdown("By Jane Doe\nPlain second line\n").title == "Plain second line");
}

TEST_CASE("links keep their text and lose their target", "[markdown]") {
  CHECK(strip_inline_markdown("see [the report](https://example.com/x) and ![chart](c.png)") ==
        "see the report and chart");
  CHECK(strip_inline_markdown("ref [Safeguard Defenders][sd] here") == "ref Safeguard Defenders here");
}

TEST_CASE("brackets that are not links stay, so defanged indicators survive", "[markdown]") {
  CHECK(strip_inline_markdown("cdn-telemetry[.]example[.]org [sic]") ==
        "cdn-telemetry[.]example[.]org [sic]");
}

TEST_CASE("emphasis and tags go, code spans and snake_case stay", "[markdown]") {
  CHECK(strip_inline_markdown("**bold** _em_ ~~gone~~ <span>x</span> <!-- note --> `a*b_c` snake_case") ==
        "bold em gone x  a*b_c snake_case");
  CHECK(strip_inline_markdown("<https://evil.example.com/a> 3 < 4") == "https://evil.example.com/a 3 < 4");
}

TEST_CASE("fenced code is kept verbatim and tables lose their pipes", "[markdown]") {
  const auto document = extract_markdown("```\n*keep* [x](y)\n```\n| a | b |\n|---|:-:|\n| 1 | 2 |\n");
  CHECK(document.text == "*keep* [x](y)\n  a   b  \n  1   2  \n");
}

TEST_CASE("bullets and quote markers are removed, an ordered list keeps its numbers", "[markdown]") {
  CHECK(extract_markdown("- one\n* two\n12. three\n> quoted\n").text == "one\ntwo\n12. three\nquoted\n");
}

TEST_CASE("hostile markdown does not break extraction", "[markdown]") {
  CHECK_NOTHROW(extract_markdown(std::string(100'000, '[')));
  CHECK_NOTHROW(extract_markdown(std::string(100'000, '`')));
  CHECK_NOTHROW(extract_markdown("---\n" + std::string(50'000, '-')));
  CHECK_NOTHROW(extract_markdown(std::string("\xff\xfe]( <\x00", 7)));
}
