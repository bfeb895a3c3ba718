#include "dossier/server/assets.h"

#include <catch2/catch.hpp>

using dossier::server::find_asset;

TEST_CASE("the page is served at / and each file by its exact name", "[assets]") {
  const auto index = find_asset("/");
  REQUIRE(index);
  CHECK(index->name == "index.html");
  CHECK(index->content_type == "text/html; charset=utf-8");
  CHECK(index->body.find("<script type=\"module\" src=\"/app.js\">") != std::string_view::npos);
  CHECK(find_asset("/index.html")->body == index->body);
  const auto script = find_asset("/app.js");
  REQUIRE(script);
  CHECK(script->content_type == "text/javascript; charset=utf-8");
  CHECK(find_asset("/style.css")->content_type == "text/css; charset=utf-8");
  CHECK(find_asset("/favicon.svg")->content_type == "image/svg+xml");
}

TEST_CASE("no other path names a file", "[assets]") {
  for (const char* path : {"", "app.js", "//app.js", "/app.js/", "/./app.js", "/../app.js", "/APP.JS",
                           "/etc/passwd", "/../../etc/passwd", "/app.js%00", "/web/app.js", "/app.js?x"}) {
    CHECK_FALSE(find_asset(path));
  }
}

TEST_CASE("entity tags change with the content", "[assets]") {
  const auto index = find_asset("/");
  const auto script = find_asset("/app.js");
  CHECK(index->etag.size() == 18);  // a quoted 16-digit digest
  CHECK(index->etag.front() == '"');
  CHECK(index->etag != script->etag);
}
