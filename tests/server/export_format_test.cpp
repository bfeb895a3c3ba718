#include "dossier/server/export_format.h"

#include <catch2/catch.hpp>

TEST_CASE("each hit is one CRLF line with the header's columns", "[export_format]") {
  dossier::searcher::SearchResult result;
  dossier::searcher::SearchHit hit;
  hit.rank = 3;
  hit.id = 17;
  hit.score = 1.23456;
  hit.path = "/r/a,b.txt";
  hit.title = "Title";
  hit.date = "2024-03";
  hit.language = "en";
  hit.format = "pdf";
  hit.page = 2;
  hit.countries = {"CN", "NO"};
  hit.actors = {"Ministry of State Security (MSS)", "APT40"};
  hit.snippet.text = "the snippet";
  result.hits.push_back(hit);
  CHECK(dossier::server::csv_header() ==
        "rank,id,score,path,title,date,author,language,format,page,countries,actors,snippet\r\n");
  CHECK(dossier::server::csv_rows(result) ==
        "3,17,1.235,\"/r/a,b.txt\",Title,2024-03,,en,pdf,2,CN; NO,Ministry of State Security (MSS); APT40,"
        "the snippet\r\n");
}
