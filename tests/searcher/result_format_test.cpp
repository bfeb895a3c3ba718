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
  result.hits.push_back(hit);
  return result;
}

}  // namespace

TEST_CASE("JSON has the documented fields and marks highlights with escaped HTML", "[result_format]") {
  CHECK(format_json(sample()) ==
        "{\"query\":\"mivd <x>\",\"total\":1,\"offset\":0,\"hits\":[{\"rank\":1,\"score\":12.346,"
        "\"path\":\"/data/reports/a.txt\",\"title\":\"Title \\u001b[2J\",\"snippet\":\"the <b>MIVD</b> &amp; "
        "&lt;co&gt;\"}]}");
}

TEST_CASE("plain text output carries no escape codes, even from document titles", "[result_format]") {
  const std::string text = format_text(sample(), TextStyle{false, "/data"});
  CHECK(text == "1. Title \\x1b[2J\n   reports/a.txt\n   the MIVD & <co>\n");
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("coloured output highlights matches and paths", "[result_format]") {
  const std::string text = format_text(sample(), TextStyle{true, {}});
  CHECK(text.find("\x1b[1;31mMIVD\x1b[0m") != std::string::npos);
  CHECK(text.find("\x1b[35m/data/reports/a.txt\x1b[0m") != std::string::npos);
}

TEST_CASE("paths outside the base directory stay absolute", "[result_format]") {
  CHECK(format_text(sample(), TextStyle{false, "/elsewhere"}).find("   /data/reports/a.txt\n") !=
        std::string::npos);
}
