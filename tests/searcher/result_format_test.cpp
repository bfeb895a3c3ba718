#include "dossier/searcher/result_format.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "text_wrap.h"

using dossier::searcher::format_json;
using dossier::searcher::format_json_lines;
using dossier::searcher::format_paths;
using dossier::searcher::format_text;
using dossier::searcher::SearchHit;
using dossier::searcher::SearchResult;
using dossier::searcher::Snippet;
using dossier::searcher::TextStyle;

namespace {

SearchResult sample() {
  SearchResult result;
  result.query = "mivd <x>";
  result.total = 1;
  SearchHit hit;
  hit.rank = 1;
  hit.id = 42;
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

// Golden on purpose, byte for byte: `search --json` is an interface that scripts parse, so its field
// names and order, the rounding of scores, the escaping of control bytes and of the snippet's HTML
// must change only on purpose (and then README.md and DESIGN.md change with it). The other JSON
// tests parse the output and check fields.
TEST_CASE("JSON has the documented fields and marks highlights with escaped HTML", "[result_format]") {
  CHECK(
      format_json(sample()) ==
      "{\"version\":1,\"query\":\"mivd "
      "<x>\",\"total\":1,\"offset\":0,\"suggestion\":null,\"hits\":[{\"rank\":1,\"id\":42,"
      "\"score\":12.346,\"path\":\"/data/reports/a.txt\",\"title\":\"Title \\u001b[2J\",\"snippet\":\"the "
      "<b>MIVD</b> &amp; &lt;co&gt;\",\"countries\":[\"CN\",\"NL\"],\"actors\":[\"Ministry of State "
      "Security\"],\"format\":\"pdf\",\"date\":\"2024-03\",\"author\":null,\"language\":\"en\",\"page\":2,"
      "\"matched_aliases\":[]}],\"facets\":{\"country\":[{\"value\":\"CN\",\"name\":\"China\",\"count\":2}],"
      "\"actor\":[{\"value\":\"mss-cn\",\"name\":\"Ministry of State "
      "Security\",\"kind\":\"intelligence-agency\","
      "\"country\":\"CN\",\"count\":1}],\"year\":[],\"language\":[],\"type\":[]}}");
}

TEST_CASE("JSON carries the suggestion, matched aliases and, when asked, the explanation",
          "[result_format]") {
  SearchResult result = sample();
  result.suggestion = "espionage";
  result.parsed_query = "word:espionnage";
  result.xapian_query = "Query(Zespionnag)";
  result.hits[0].matched_aliases = {"Fancy Bear"};
  result.hits[0].explanation = {{"Zespionnag", 1.23456}};
  const auto json = nlohmann::json::parse(format_json(result));
  CHECK(json["suggestion"] == "espionage");
  CHECK(json["explain"] == nlohmann::json{{"parsed", "word:espionnage"},
                                          {"xapian", "Query(Zespionnag)"},
                                          {"like_terms", nlohmann::json::array()}});
  CHECK(json["hits"][0]["matched_aliases"] == nlohmann::json{"Fancy Bear"});
  CHECK(json["hits"][0]["explain"] == nlohmann::json::parse(R"([{"term": "Zespionnag", "weight": 1.235}])"));
  CHECK_FALSE(nlohmann::json::parse(format_json(sample())).contains("explain"));
}

TEST_CASE("JSON lines hold one hit object per line", "[result_format]") {
  SearchResult result = sample();
  result.hits.push_back(result.hits[0]);
  result.hits[1].rank = 2;
  const std::string lines = format_json_lines(result);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 2);
  const auto second = nlohmann::json::parse(lines.substr(lines.find('\n') + 1));
  CHECK(second["rank"] == 2);
  CHECK(second["path"] == "/data/reports/a.txt");
}

TEST_CASE("paths output is one stored path per line, made printable for a terminal", "[result_format]") {
  SearchResult result = sample();
  result.hits[0].path = "/data/a\x1b.txt";
  CHECK(format_paths(result, true) == "/data/a\x1b.txt\n");
  CHECK(format_paths(result, false) == "/data/a\\x1b.txt\n");
}

TEST_CASE("plain text output carries no escape codes, even from document titles", "[result_format]") {
  const std::string text = format_text(sample(), TextStyle{false, "/data"});
  CHECK(text ==
        "1. Title \\x1b[2J \u00b7 2024-03 \u00b7 reports/a.txt p. 2 \u00b7 CN NL \u00b7 Ministry of State "
        "Security\n"
        "   the MIVD & <co>\n");
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("coloured output highlights matches and paths", "[result_format]") {
  const std::string text = format_text(sample(), TextStyle{true, {}});
  CHECK(text.find("\x1b[1;31mMIVD\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[35m/data/reports/a.txt\x1b[0m") != std::string::npos);
}

TEST_CASE("paths outside the base directory stay absolute", "[result_format]") {
  CHECK(format_text(sample(), TextStyle{false, "/elsewhere"}).find(" \u00b7 /data/reports/a.txt p. 2") !=
        std::string::npos);
}

TEST_CASE("with --facets the text output ends with country and actor tables", "[result_format]") {
  TextStyle style{false, "/data", true};
  const std::string text = format_text(sample(), style);
  CHECK(text.ends_with(
      "countries (documents):\n     2  China (CN)\nactors (documents):\n"
      "  intelligence-agency:\n     1  Ministry of State Security [CN]\nyears (documents): none\n"
      "languages (documents): none\ntypes (documents): none\n"));
}

TEST_CASE("a long snippet is shown on two lines, highlights kept on both", "[result_format]") {
  SearchResult result = sample();
  Snippet& snippet = result.hits[0].snippet;
  snippet.text = std::string(60, 'a') + " MIVD " + std::string(30, 'b') + " Fortinet " + std::string(40, 'c');
  snippet.highlights = {{61, 65}, {97, 105}};
  const std::string plain = format_text(result, TextStyle{false, {}});
  CHECK(plain.find("\n   " + std::string(60, 'a') + " MIVD\n   " + std::string(30, 'b') + " Fortinet ") !=
        std::string::npos);
  const std::string coloured = format_text(result, TextStyle{true, {}});
  CHECK(coloured.find("\x1b[1;31mMIVD\x1b[0m\n") != std::string::npos);
  CHECK(coloured.find("\x1b[1;31mFortinet\x1b[0m") != std::string::npos);
}

TEST_CASE("many actors are cut to three and a count", "[result_format]") {
  SearchResult result = sample();
  result.hits[0].actors = {"A", "B", "C", "D", "E"};
  CHECK(format_text(result, TextStyle{false, {}}).find(" \u00b7 CN NL \u00b7 A, B, C +2\n") !=
        std::string::npos);
}

TEST_CASE("many countries are cut to eight codes and a count", "[result_format]") {
  SearchResult result = sample();
  result.hits[0].countries = {"IR", "US", "SA", "IL", "LB", "GB", "IQ", "JP", "AE", "AR"};
  CHECK(format_text(result, TextStyle{false, {}}).find(" \u00b7 IR US SA IL LB GB IQ JP +2 \u00b7 ") !=
        std::string::npos);
}

TEST_CASE("explained text shows the parsed query and each hit's terms", "[result_format]") {
  SearchResult result = sample();
  result.parsed_query = "word:mivd";
  result.xapian_query = "Query(mivd)";
  result.hits[0].explanation = {{"mivd", 2.5}};
  TextStyle style{false, {}};
  style.explain = true;
  const std::string text = format_text(result, style);
  CHECK(text.starts_with("query: word:mivd\nxapian: Query(mivd)\n1. "));
  CHECK(text.find("   terms: mivd 2.500\n") != std::string::npos);
}

TEST_CASE("an explained similar search shows the terms taken from the report", "[result_format]") {
  SearchResult result = sample();
  result.xapian_query = "Query((botnet OR norway))";
  result.like_terms = {"botnet", "norway"};
  TextStyle style{false, {}};
  style.explain = true;
  CHECK(
      format_text(result, style).starts_with("like: botnet norway\nxapian: Query((botnet OR norway))\n1. "));
  const auto json = nlohmann::json::parse(format_json(result));
  CHECK(json["explain"]["like_terms"] == nlohmann::json{"botnet", "norway"});
  CHECK(json["explain"]["parsed"].is_null());
}

TEST_CASE("the actor facet table groups actors by kind, threat groups first", "[result_format]") {
  using dossier::analysis::ActorKind;
  SearchResult result = sample();
  result.facets.actors = {{"fortinet", "Fortinet", 5, ActorKind::SecurityVendor, "US"},
                          {"mss-cn", "Ministry of State Security", 3, ActorKind::IntelligenceAgency, "CN"},
                          {"apt40", "APT40", 2, ActorKind::ThreatGroup, "CN"},
                          {"volt", "Volt Typhoon", 1, ActorKind::ThreatGroup, ""}};
  TextStyle style{false, {}};
  style.facets = true;
  const std::string text = format_text(result, style);
  CHECK(text.find("actors (documents):\n  threat-group:\n     2  APT40 [CN]\n     1  Volt Typhoon\n"
                  "  intelligence-agency:\n     3  Ministry of State Security [CN]\n"
                  "  security-vendor:\n     5  Fortinet [US]\nyears") != std::string::npos);
}

TEST_CASE("with a width, headlines and snippets wrap to it, colour closed and reopened per line",
          "[result_format]") {
  SearchResult result = sample();
  SearchHit& hit = result.hits[0];
  hit.title = "A rather long title about covert operations in Europe and beyond";
  hit.snippet.text = std::string("the MIVD said ") + std::string(120, 'x') + " and more words follow here";
  hit.snippet.highlights = {{4, 8}};
  TextStyle style{true, {}};
  style.width = 40;
  const std::string text = format_text(result, style);
  std::size_t lines = 0;
  for (std::size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    std::string line = text.substr(start, end - start);
    for (std::size_t esc; (esc = line.find('\x1b')) != std::string::npos;)
      line.erase(esc, line.find('m', esc) - esc + 1);
    CHECK(dossier::searcher::display_width(line) <= 40);
    ++lines;
  }
  CHECK(lines > 4);
  CHECK(text.starts_with("\x1b[1m1. A rather long title about covert\x1b[0m\n     \x1b[1moperations"));
  CHECK(text.find("   the \x1b[1;31mMIVD\x1b[0m said\n") != std::string::npos);
  // Without a width (a pipe), one headline line and a snippet on at most two.
  style.width = 0;
  style.color = false;
  const std::string plain = format_text(result, style);
  CHECK(std::count(plain.begin(), plain.end(), '\n') == 3);
}

TEST_CASE("the page footer says which hits are shown and how to get the next page", "[result_format]") {
  using dossier::searcher::format_page_footer;
  SearchResult result = sample();
  result.total = 28;
  result.hits.resize(10, result.hits[0]);
  CHECK(format_page_footer(result) == "1-10 of 28 (next: --offset 10)\n");
  result.offset = 20;
  result.hits.resize(8);
  CHECK(format_page_footer(result) == "21-28 of 28\n");
  result.hits.clear();
  CHECK(format_page_footer(result) == "28 matches\n");
  result.total = 1;
  CHECK(format_page_footer(result) == "1 match\n");
  result.total = 0;
  CHECK(format_page_footer(result) == "no matches\n");
}
