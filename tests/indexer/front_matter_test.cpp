#include "dossier/indexer/front_matter.h"

#include <catch2/catch.hpp>

using dossier::indexer::parse_front_matter;
using Strings = std::vector<std::string>;

TEST_CASE("front matter scalars are read with their quotes removed", "[front_matter]") {
  const auto front = parse_front_matter(
      "title: \"Ing\xC3\xA9rence : l'\xC3\xA9tat de la menace\"\nauthor: '\xC3\x89quipe d''analyse'\n"
      "date: 2024-02-20\nlang: fr-FR\ndescription: A summary # a comment\nsummary: loses\n");
  CHECK(front.title == "Ing\xC3\xA9rence : l'\xC3\xA9tat de la menace");
  CHECK(front.authors == Strings{"\xC3\x89quipe d'analyse"});
  REQUIRE(front.date.has_value());
  CHECK(front.date->to_iso() == "2024-02-20");
  CHECK(front.language == "fr");
  CHECK(front.description == "A summary");
}

TEST_CASE("front matter lists may be flow lists, block lists or comma strings", "[front_matter]") {
  CHECK(parse_front_matter("tags: [MSS, \"espionage, Europe\", 'x']\n").keywords ==
        Strings{"MSS", "espionage, Europe", "x"});
  CHECK(parse_front_matter("keywords:\n  - MSS\n  - \"Europe\"\n-\nnext: x\n").keywords ==
        Strings{"MSS", "Europe"});
  CHECK(parse_front_matter("tags: MSS, espionage\n").keywords == Strings{"MSS", "espionage"});
  CHECK(parse_front_matter("authors:\n  - Jane Doe\n  - John Smith\n").authors ==
        Strings{"Jane Doe", "John Smith"});
  CHECK(parse_front_matter("authors: [Jane Doe, John Smith]").authors == Strings{"Jane Doe", "John Smith"});
}

TEST_CASE("front matter dates keep their precision and the date part of timestamps", "[front_matter]") {
  CHECK(parse_front_matter("date: 2024\n").date->to_iso() == "2024");
  CHECK(parse_front_matter("date: 2024-03\n").date->to_iso() == "2024-03");
  CHECK(parse_front_matter("date: 2024-03-06T10:00:00Z\n").date->to_iso() == "2024-03-06");
  CHECK(parse_front_matter("date: \"2024-03-06 10:00:00 +0100\"\n").date->to_iso() == "2024-03-06");
  CHECK(parse_front_matter("Date: March 6, 2024\n").date->to_iso() == "2024-03-06");
  CHECK_FALSE(parse_front_matter("date: soon\n").date.has_value());
}

TEST_CASE("multi-line front matter values are joined", "[front_matter]") {
  const auto front = parse_front_matter("summary: >\n  First line\n  second line\ntitle: A\n  long title\n");
  CHECK(front.description == "First line second line");
  CHECK(front.title == "A long title");
}

TEST_CASE("unknown and nested front matter keys are ignored", "[front_matter]") {
  const auto front = parse_front_matter("params:\n  title: nested\n# title: comment\nweird line\n: x\n");
  CHECK(front.title.empty());
  CHECK(front.authors.empty());
  CHECK(front.keywords.empty());
}
