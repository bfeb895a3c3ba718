#include "dossier/searcher/result_format.h"

#include <catch2/catch.hpp>

using dossier::searcher::format_json;
using dossier::searcher::format_text;
using dossier::searcher::SearchHit;
using dossier::searcher::SearchResult;
using dossier::searcher::TextStyle;

namespace {

SearchResult sample() {
  SearchResult result;
  result.query = "mivd <x>";
  result.total = 1;
  SearchHit hit;
  hit.rank = 1;
  hit.score = 12.34567;
  hit.path = "/data/reports/a.txt";
  hit.title = "Title \x1b[2J";
  hit.snippet.text = "the MIVD & <co>";
  hit.snippet.highlights = {{4, 8}};
  hit.countries = {"CN", "NL"};
  hit.actors = {"Ministry of State Security"};
  hit.format = "pdf";
  hit.date = "2024-03";
  hit.language = "en";
  hit.page = 2;
  result.hits.push_back(hit);
  result.facets.countries = {{"CN", "China", 2, dossier::analysis::ActorKind::Unknown, ""}};
  result.facets.actors = {
      {"mss-cn", "Ministry of State Security", 1, dossier::analysis::ActorKind::IntelligenceAgency, "CN"}};
  return result;
}

}  // namespace

TEST_CASE("JSON has the documented fields and marks highlights with escaped HTML", "[result_format]") {
  CHECK(format_json(sample()) ==
        "{\"query\":\"mivd <x>\",\"total\":1,\"offset\":0,\"hits\":[{\"rank\":1,\"score\":12.346,"
        "\"path\":\"/data/reports/a.txt\",\"title\":\"Title \\u001b[2J\",\"snippet\":\"the <b>MIVD</b> &amp; "
        "&lt;co&gt;\",\"countries\":[\"CN\",\"NL\"],\"actors\":[\"Ministry of State Security\"],"
        "\"format\":\"pdf\",\"date\":\"2024-03\",\"author\":null,\"language\":\"en\",\"page\":2}],"
        "\"facets\":{\"country\":[{\"value\":\"CN\",\"name\":\"China\",\"count\":2}],\"actor\":[{\"value\":"
        "\"mss-cn\","
        "\"name\":\"Ministry of State "
        "Security\",\"kind\":\"intelligence-agency\",\"country\":\"CN\",\"count\":1}],"
        "\"year\":[],\"language\":[],\"type\":[]}}");
}

TEST_CASE("plain text output carries no escape codes, even from document titles", "[result_format]") {
  const std::string text = format_text(sample(), TextStyle{false, "/data"});
  CHECK(text == "1. Title \\x1b[2J\n   reports/a.txt  2024-03 \u00b7 en \u00b7 p. 2\n   the MIVD & <co>\n");
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("coloured output highlights matches and paths", "[result_format]") {
  const std::string text = format_text(sample(), TextStyle{true, {}});
  CHECK(text.find("\x1b[1;31mMIVD\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[35m/data/reports/a.txt\x1b[0m") != std::string::npos);
}

TEST_CASE("paths outside the base directory stay absolute", "[result_format]") {
  CHECK(format_text(sample(), TextStyle{false, "/elsewhere"}).find("   /data/reports/a.txt  ") !=
        std::string::npos);
}

TEST_CASE("with --facets the text output ends with country and actor tables", "[result_format]") {
  TextStyle style{false, "/data", true};
  const std::string text = format_text(sample(), style);
  CHECK(
      text.ends_with("countries (documents):\n     2  China (CN)\nactors (documents):\n"
                     "     1  Ministry of State Security [intelligence-agency, CN]\nyears (documents): none\n"
                     "languages (documents): none\ntypes (documents): none\n"));
}
