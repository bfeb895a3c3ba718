// Matching names the way a document's words are analysed: in its language, in either Chinese
// script, with the separators and the case the names are written with.
#include "dossier/analysis/alias_matcher.h"

#include <catch2/catch.hpp>
#include <string>

#include "dossier/analysis/entity_tagger.h"

using dossier::analysis::AliasMatcher;
using dossier::analysis::Analyzer;
using dossier::analysis::DocumentEntities;
using dossier::analysis::EntityTagger;
using dossier::analysis::Gazetteer;

namespace {

const EntityTagger& builtin_tagger() {
  static const Gazetteer gazetteer = Gazetteer::builtin();
  static const Analyzer analyzer;
  static const EntityTagger tagger(gazetteer, analyzer);
  return tagger;
}

// "CN DE" etc.: the country codes found, sorted.
std::string countries(std::string_view text, std::string_view language) {
  std::vector<std::string> codes;
  for (const auto& c : builtin_tagger().tag(text, language).countries)
    codes.push_back(c.id);
  std::sort(codes.begin(), codes.end());
  std::string out;
  for (const std::string& code : codes)
    out += (out.empty() ? "" : " ") + code;
  return out;
}

std::string surfaces_of(const DocumentEntities& entities, const std::string& id) {
  for (const auto& a : entities.actors) {
    if (a.id != id) continue;
    std::string out;
    for (const std::string& s : a.surfaces)
      out += (out.empty() ? "" : "|") + s;
    return out + " x" + std::to_string(a.mentions);
  }
  return "-";
}

}  // namespace

TEST_CASE("Russian country names and adjectives match in any case ending", "[alias_matcher]") {
  CHECK(countries("Хакеры атаковали серверы Украины и Германии.", "ru") == "DE UA");
  CHECK(countries("Российские спецслужбы и китайские хакеры.", "ru") == "CN RU");
  // Without the document's language only the dictionary forms are known.
  CHECK(countries("Хакеры атаковали серверы Украины и Германии.", "") == "");
}

TEST_CASE("Norwegian and German inflected demonyms name their country", "[alias_matcher]") {
  CHECK(countries("De kinesiske og iranske hackerne angrep Stortinget.", "nb") == "CN IR");
  CHECK(countries("De kinesiske hackerne angrep.", "no") == "CN");  // CLD2's code for Norwegian
  CHECK(countries("Die deutsche Regierung warnte vor chinesischen Hackern.", "de") == "CN DE");
}

TEST_CASE("an elided French article does not hide an acronym", "[alias_matcher]") {
  const auto entities =
      builtin_tagger().tag("L’ANSSI a publié un rapport. Selon l'ANSSI, les attaques continuent.", "fr");
  CHECK(surfaces_of(entities, "anssi-fr") == "ANSSI x2");
}

TEST_CASE("Traditional and Simplified Chinese names match alike, whatever the segmentation",
          "[alias_matcher]") {
  CHECK(countries("中國和臺灣的關係", "zh") == "CN TW");
  CHECK(countries("中国和台湾的关系", "zh") == "CN TW");
  const auto entities = builtin_tagger().tag("中華人民共和國國家安全部發布了報告。", "zh");
  CHECK(surfaces_of(entities, "mss-cn") == "中華人民共和國國家安全部 x1");
  // The compound starts with the country's name: the country is named too.
  REQUIRE(entities.countries.size() == 1);
  CHECK(entities.countries[0].id == "CN");
}

TEST_CASE("a name's own separators must be in the text", "[alias_matcher]") {
  const Gazetteer gazetteer = Gazetteer::build({{"c", "code\tname\taliases\tdemonyms\tcapitals\n"},
                                                {"a",
                                                 "id\tname\tkind\tcountry\taliases\nia-us\tOffice of "
                                                 "Intelligence and Analysis\tintelligence-agency\tUS\tI&A\n"},
                                                {"w", "alias\treason\n"},
                                                {},
                                                {}},
                                               {});
  const Analyzer analyzer;
  const EntityTagger tagger(gazetteer, analyzer);
  CHECK(tagger.tag("The I&A office warned.", "en").actors.size() == 1);
  CHECK(tagger.tag("An I/A ratio of two.", "en").actors.empty());
}

TEST_CASE("a team or product name of a company is a mention of the company by its own name",
          "[alias_matcher]") {
  const auto entities =
      builtin_tagger().tag("Zscaler ThreatLabz observed the campaign. Kaspersky Lab agreed.", "en");
  CHECK(surfaces_of(entities, "zscaler") == "Zscaler x1");
  CHECK(surfaces_of(entities, "kaspersky") == "Kaspersky Lab x1");
}

TEST_CASE("stemmer names are canonical for every code of a language", "[alias_matcher]") {
  CHECK(AliasMatcher::stemmer_name("nb") == "norwegian");
  CHECK(AliasMatcher::stemmer_name("no") == "norwegian");
  CHECK(AliasMatcher::stemmer_name("ru") == "russian");
  CHECK(AliasMatcher::stemmer_name("zh").empty());
  CHECK(AliasMatcher::stemmer_name("").empty());
}
