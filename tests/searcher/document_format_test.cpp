#include "dossier/searcher/document_format.h"

#include <catch2/catch.hpp>

using dossier::searcher::document_json;
using dossier::searcher::DocumentView;

TEST_CASE("a document's JSON has the documented fields, null when unknown", "[document_format]") {
  DocumentView view;
  view.record.path = "/r/a\xff.pdf";
  view.record.title = "Report";
  view.record.format = "pdf";
  view.record.size = 1234;
  view.record.mtime_ns = 1'709'719'200'000'000'000;  // 2024-03-06T10:00:00Z
  view.record.date = "2024-03";
  view.record.keywords = {"espionage", "china"};
  view.record.page_starts = {100, 200};
  view.entities.countries.push_back({"CN", "China", 3, {"China"}});
  const auto json = document_json(view);
  CHECK(json.dump() ==
        "{\"version\":1,\"path\":\"/r/"
        "a\xef\xbf\xbd.pdf\",\"title\":\"Report\",\"format\":\"pdf\",\"size\":1234,"
        "\"modified\":\"2024-03-06T10:00:00Z\",\"author\":null,\"date\":\"2024-03\",\"language\":null,"
        "\"description\":null,\"keywords\":[\"espionage\",\"china\"],\"url\":null,\"pages\":3,"
        "\"countries\":[{\"code\":\"CN\",\"name\":\"China\",\"mentions\":3,\"surfaces\":[\"China\"]}],"
        "\"actors\":[]}");
}

TEST_CASE("a format without pages has 0 pages", "[document_format]") {
  DocumentView view;
  view.record.format = "txt";
  CHECK(document_json(view)["pages"] == 0);
}
