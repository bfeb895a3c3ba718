#include "dossier/indexer/text_metadata.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "unicode_spaces.h"

using dossier::indexer::find_byline;
using dossier::indexer::find_text_metadata;
using dossier::indexer::is_byline_or_date_line;

TEST_CASE("bylines give the author's name only", "[text_metadata]") {
  CHECK(find_byline("Written by Britt Verregghen - March 2024") == "Britt Verregghen");
  CHECK(find_byline("Written by Britt Verregghen March 2024") == "Britt Verregghen");
  CHECK(find_byline("By Mark Arena") == "Mark Arena");
  CHECK(find_byline("By Mark Arena, CEO of Intel 471.") == "Mark Arena");
  CHECK(find_byline("BY MARK ARENA") == "MARK ARENA");
  CHECK(find_byline("Author: Jane van der Berg") == "Jane van der Berg");
  CHECK(find_byline("Authors: Jane Doe and John Smith") == "Jane Doe, John Smith");
  CHECK(find_byline("Authors: Jane Doe, John Smith & Ann Lee") == "Jane Doe, John Smith, Ann Lee");
  CHECK(find_byline("By J. R. Hartley (Reuters)") == "J. R. Hartley");
  CHECK(find_byline("Posted by \xC3\x93lafur J\xC3\xB3hannsson on March 3, 2024") ==
        "\xC3\x93lafur J\xC3\xB3hannsson");
  CHECK(find_byline("By Jean-Luc O'Brien | Staff") == "Jean-Luc O'Brien");
  CHECK(find_byline("By Jane Doe On Monday") == "Jane Doe");
}

TEST_CASE("bylines and dates read any Unicode space as a space", "[text_metadata]") {
  for (const auto& space : dossier::testing::word_separating_spaces()) {
    INFO(space.name);
    const std::string s = space.utf8;
    CHECK(find_byline("Written" + s + "by" + s + "Britt" + s + "Verregghen" + s + "-" + s + "March 2024") ==
          "Britt Verregghen");
    CHECK(find_byline("Author" + s + ":" + s + "Jane" + s + "Doe") == "Jane Doe");
    const auto metadata = find_text_metadata(s + "Report\n" + s + "Published" + s + "13" + s + "February" +
                                             s + "2024" + s + "\nBy" + s + "Mark" + s + "Arena\n");
    CHECK(metadata.author == "Mark Arena");
    REQUIRE(metadata.date);
    CHECK(metadata.date->to_iso() == "2024-02-13");
    CHECK(is_byline_or_date_line(s + "Published:" + s + "13" + s + "February" + s + "2024" + s));
  }
}

TEST_CASE("bylines are read in the languages of the index", "[text_metadata]") {
  CHECK(find_byline("Verfasst von Max Mustermann") == "Max Mustermann");
  CHECK(find_byline("Autorin: Erika Musterfrau") == "Erika Musterfrau");
  CHECK(find_byline("R\u00e9dig\u00e9 par Jean Dupont le 6 f\u00e9vrier 2024") == "Jean Dupont");
  CHECK(find_byline("Auteur\u202F: Marie Curie") == "Marie Curie");
  CHECK(find_byline("Skrevet av Kari Nordmann og Ola Nordmann") == "Kari Nordmann, Ola Nordmann");
  CHECK(find_byline("Escrito por Ana Garc\u00eda y Luis P\u00e9rez") == "Ana Garc\u00eda, Luis P\u00e9rez");
  CHECK(find_byline("Forfatter: Kari Nordmann") == "Kari Nordmann");
  CHECK(find_byline("Geschreven door Jan de Vries") == "Jan de Vries");
  CHECK(
      find_byline(
          "\u0410\u0432\u0442\u043e\u0440: \u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432") ==
      "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432");
  CHECK(find_byline("Escrito por Ana Garc\u00eda") == "Ana Garc\u00eda");
  CHECK(find_byline("Scritto da Mario Rossi") == "Mario Rossi");
  CHECK(find_byline("Kirjoittanut Matti Virtanen") == "Matti Virtanen");
  CHECK(find_byline("Yazar: Ahmet Y\u0131lmaz") == "Ahmet Y\u0131lmaz");
}

TEST_CASE("a one-word byline opening counts only in its own language", "[text_metadata]") {
  CHECK(find_byline("Von Max Mustermann", "de") == "Max Mustermann");
  CHECK(find_byline("Par Jean Dupont", "fr") == "Jean Dupont");
  CHECK(find_byline("Av Kari Nordmann", "nb") == "Kari Nordmann");
  CHECK(find_byline("Av Kari Nordmann", "nn") == "Kari Nordmann");
  CHECK(find_byline("Door Jan de Vries", "nl") == "Jan de Vries");
  CHECK(find_byline("Por Ana Garc\u00eda", "es") == "Ana Garc\u00eda");
  CHECK(find_byline("Di Mario Rossi", "it") == "Mario Rossi");
  CHECK_FALSE(find_byline("Von Max Mustermann"));
  CHECK_FALSE(find_byline("Per Ola Hansen and the team", "en"));
  CHECK_FALSE(find_byline("Door Locks Explained", "en"));
  CHECK_FALSE(find_byline("Par Excellence Awards", "en"));
}

TEST_CASE("reports written in other languages get their author and date", "[text_metadata]") {
  const auto german = find_text_metadata(
      "Lagebild Cybersicherheit\nVon Max Mustermann, Bundesamt\n6. Februar 2024\n\nDie Bedrohungslage im "
      "Cyberraum ist angespannt. Angreifer nutzen Schwachstellen in Netzwerkger\u00e4ten aus, um in "
      "Beh\u00f6rden und Unternehmen einzudringen.\n");
  CHECK(german.author == "Max Mustermann");
  REQUIRE(german.date);
  CHECK(german.date->to_iso() == "2024-02-06");
  const auto french =
      find_text_metadata("Rapport annuel\nR\u00e9dig\u00e9 par Jean Dupont\n6 f\u00e9vrier 2024\n");
  CHECK(french.author == "Jean Dupont");
  CHECK(french.date->to_iso() == "2024-02-06");
  const auto norwegian = find_text_metadata("Trusselvurdering\nAv Kari Nordmann\n6. februar 2024\n", "nb");
  CHECK(norwegian.author == "Kari Nordmann");
  CHECK(norwegian.date->to_iso() == "2024-02-06");
  const auto russian = find_text_metadata(
      "\u0414\u043e\u043a\u043b\u0430\u0434\n\u0410\u0432\u0442\u043e\u0440: \u0418\u0432\u0430\u043d "
      "\u041f\u0435\u0442\u0440\u043e\u0432\n6 \u0444\u0435\u0432\u0440\u0430\u043b\u044f 2024 \u0433.\n");
  CHECK(russian.author == "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432");
  CHECK(russian.date->to_iso() == "2024-02-06");
}

TEST_CASE("phrases that start like bylines but name no one are not bylines", "[text_metadata]") {
  CHECK_FALSE(find_byline("By contrast, the MSS works differently."));
  CHECK_FALSE(find_byline("by the way"));
  CHECK_FALSE(find_byline("By 2025 the threat will grow"));
  CHECK_FALSE(find_byline("By Reuters"));
  CHECK_FALSE(find_byline("Bystanders saw it"));
  CHECK_FALSE(find_byline("Author unknown"));
  CHECK_FALSE(find_byline("By Intel 471"));
  CHECK_FALSE(find_byline("By Monday, March 4 2024 the systems were patched"));
  CHECK_FALSE(find_byline(""));
}

TEST_CASE("byline and date lines are recognised as such", "[text_metadata]") {
  CHECK(is_byline_or_date_line("Written by Britt Verregghen - March 2024"));
  CHECK(is_byline_or_date_line("March 2024"));
  CHECK(is_byline_or_date_line("Published: 13 Feb. 2024 | Updated: 14.02.2024"));
  CHECK(is_byline_or_date_line("\xE2\x80\x94 February 13, 2024 \xE2\x80\x94"));
  CHECK_FALSE(is_byline_or_date_line("Threat assessment, March 2024"));
  CHECK_FALSE(is_byline_or_date_line("Published 2024"));
  CHECK_FALSE(is_byline_or_date_line("Covert Operations in Europe"));
}

TEST_CASE("the opening lines give author and date at their precision", "[text_metadata]") {
  const auto metadata = find_text_metadata("Written by Britt Verregghen - March 2024\nDespite decades...\n");
  CHECK(metadata.author == "Britt Verregghen");
  REQUIRE(metadata.date.has_value());
  CHECK(metadata.date->to_iso() == "2024-03");
  CHECK(metadata.date->day == 0);
}

TEST_CASE("author and date may be on different opening lines", "[text_metadata]") {
  const auto metadata =
      find_text_metadata("\nRansomware report\n\nBy Mark Arena, CEO of Intel 471.\n\nJun 17, 2016\n");
  CHECK(metadata.author == "Mark Arena");
  REQUIRE(metadata.date.has_value());
  CHECK(metadata.date->to_iso() == "2016-06-17");
}

TEST_CASE("dates in body paragraphs and beyond the tenth line are not the document's", "[text_metadata]") {
  const std::string paragraph =
      "According to the Norwegian intelligence agency, China's activities in Europe include political "
      "intelligence and industrial espionage (Newsweek, February 13, 2024).";
  CHECK_FALSE(find_text_metadata(paragraph + "\n").date.has_value());
  std::string late;
  for (int i = 0; i < 10; ++i)
    late += "line " + std::to_string(i) + "\n";
  CHECK_FALSE(find_text_metadata(late + "13 February 2024\nBy Jane Doe\n").date.has_value());
  CHECK(find_text_metadata(late + "By Jane Doe\n").author.empty());
  CHECK(find_text_metadata(late.substr(7) + "13 February 2024\n").date.has_value());
}

TEST_CASE("the first seed report gives its author and month", "[text_metadata]") {
  std::ifstream file(DOSSIER_CORPUS_DIR "/chinese-espionage-in-europe.txt");
  REQUIRE(file);
  std::stringstream content;
  content << file.rdbuf();
  const auto metadata = find_text_metadata(content.str());
  CHECK(metadata.author == "Britt Verregghen");
  REQUIRE(metadata.date.has_value());
  CHECK(metadata.date->to_iso() == "2024-03");
}

TEST_CASE("a huge single line is searched without trouble", "[text_metadata][hostile]") {
  std::string line = "Authors: ";
  for (int i = 0; i < 50'000; ++i)
    line += "Jane Doe, ";
  const auto metadata = find_text_metadata(line + std::string(1'000'000, 'x'));
  CHECK(metadata.author.size() < 400);
}
