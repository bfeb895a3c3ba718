#include "dossier/server/api_routes.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dossier/indexer/watch_store.h"
#include "dossier/searcher/watch_run.h"
#include "report_index.h"

using dossier::server::ApiOptions;
using dossier::server::ApiRequest;
using dossier::server::ApiResponse;
using dossier::server::ApiRoutes;
using dossier::server::QueryParams;
using dossier::server::ResultCache;
using dossier::server::SearchPool;
using Json = nlohmann::json;

namespace {

// Routes over the report index, called directly (the socket tests are in http_server_test.cpp).
class Api {
 public:
  explicit Api(ApiOptions options = {}) : pool_({index_.database()}, {2, 8}), cache_(1 << 20) {
    options.databases = {index_.database()};
    routes_ = std::make_unique<ApiRoutes>(pool_, cache_, options);
  }

  ApiResponse get(const std::string& path, QueryParams params = {},
                  dossier::server::HeaderList headers = {}) const {
    return routes_->respond(ApiRequest{"GET", path, std::move(params), std::move(headers)});
  }

  Json json(const std::string& path, QueryParams params = {}) const {
    const ApiResponse response = get(path, std::move(params));
    INFO(response.body);
    REQUIRE(response.status == 200);
    CHECK(response.content_type == "application/json; charset=utf-8");
    return Json::parse(response.body);
  }

  // The whole streamed body.
  static std::string drain(const ApiResponse& response) {
    std::string body = response.body;
    if (!response.chunks) return body;
    while (std::optional<std::string> piece = response.chunks())
      body += *piece;
    return body;
  }

  const dossier::testing::ReportIndex& index() const { return index_; }

 private:
  dossier::testing::ReportIndex index_;
  SearchPool pool_;
  ResultCache cache_;
  std::unique_ptr<ApiRoutes> routes_;
};

std::string header(const ApiResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return "";
}

std::string error_code(const ApiResponse& response) {
  return Json::parse(response.body)["error"]["code"];
}

}  // namespace

TEST_CASE("a search answers the CLI's JSON with took_ms, hit ids and a timeline", "[api_routes]") {
  const Api api;
  const Json json = api.json("/api/search", {{"q", "espionage"}, {"n", "2"}});
  CHECK(json["version"] == 1);
  CHECK(json["query"] == "espionage");
  CHECK(json["total"] == 5);
  REQUIRE(json["hits"].size() == 2);
  for (const char* field : {"rank", "id", "score", "path", "title", "snippet", "countries", "actors",
                            "format", "date", "author", "language", "page", "matched_aliases"}) {
    CHECK(json["hits"][0].contains(field));
  }
  CHECK(json["hits"][0]["snippet"].get<std::string>().find("<b>") != std::string::npos);
  CHECK(json["took_ms"].is_number());
  CHECK(json["cached"] == false);
  for (const char* facet : {"country", "actor", "year", "language", "type"})
    CHECK(json["facets"].contains(facet));
  CHECK(json["timeline"]["undated"] == 1);
  CHECK(json["timeline"]["years"] == Json::parse(R"([{"value":"2023","count":1}])"));
  CHECK(json["timeline"]["months"].size() == 3);
  const ApiResponse response = api.get("/api/search", {{"q", "espionage"}});
  CHECK(header(response, "Cache-Control") == "no-store");
}

TEST_CASE("the same search asked again is answered from the cache until a commit", "[api_routes]") {
  const Api api;
  CHECK(api.json("/api/search", {{"q", "botnet"}})["cached"] == false);
  const Json again = api.json("/api/search", {{"q", "botnet"}});
  CHECK(again["cached"] == true);
  CHECK(again["total"] == 1);
}

TEST_CASE("filters of the search parameters narrow the hits and the facets", "[api_routes]") {
  const Api api;
  const Json norway = api.json("/api/search", {{"q", "espionage"}, {"country", "NO"}});
  CHECK(norway["total"] == 1);
  CHECK(std::any_of(norway["facets"]["country"].begin(), norway["facets"]["country"].end(),
                    [](const Json& value) { return value["value"] == "NO" && value["count"] == 1; }));
  CHECK(api.json("/api/search", {{"q", "espionage"}, {"type", "pdf"}})["total"] == 1);
  CHECK(api.json("/api/search", {{"q", "espionage"}, {"undated", "1"}})["total"] == 1);
  CHECK(api.json("/api/search", {{"since", "2024-02"}, {"until", "2024-02"}})["total"] == 1);
  CHECK(api.json("/api/search", {})["total"] == 5);  // no query: everything
}

TEST_CASE("bad queries, unknown names and parameters are 400s with a JSON error", "[api_routes]") {
  const Api api;
  const ApiResponse syntax = api.get("/api/search", {{"q", "(espionage"}});
  CHECK(syntax.status == 400);
  CHECK(Json::parse(syntax.body) ==
        Json::parse(R"({"error":{"code":"bad_query","message":"unbalanced '(' at column 1","column":1}})"));
  const ApiResponse unknown = api.get("/api/search", {{"country", "Norwya"}});
  CHECK(unknown.status == 400);
  CHECK(error_code(unknown) == "unknown_entity");
  CHECK(Json::parse(unknown.body)["error"]["message"].get<std::string>().find("did you mean") !=
        std::string::npos);
  CHECK(api.get("/api/search", {{"limit", "5"}}).status == 400);
  CHECK(api.get("/api/search", {{"n", "100000"}}).status == 400);
  CHECK(error_code(api.get("/api/nothing")) == "not_found");
  CHECK(api.get("/api/nothing").status == 404);
}

TEST_CASE("a document is shown by its id with its text in pages", "[api_routes]") {
  const Api api;
  const Json hit = api.json("/api/search", {{"q", "espionage type:pdf"}})["hits"][0];
  const std::string id = std::to_string(hit["id"].get<unsigned>());
  const Json doc = api.json("/api/documents/" + id, {{"q", "espionage"}});
  CHECK(doc["version"] == 1);
  CHECK(doc["id"] == hit["id"]);
  CHECK(doc["path"] == hit["path"]);
  CHECK(doc["title"] == "Paged report");
  CHECK(doc["pages"] == 2);
  CHECK(doc["query"] == "espionage");
  REQUIRE(doc["segments"].size() == 2);
  CHECK(doc["segments"][1]["page"] == 2);
  CHECK(doc["segments"][1]["html"].get<std::string>().find("page two") != std::string::npos);
  CHECK(doc["segments"][1]["html"].get<std::string>().find("<mark>Espionage</mark> appears") !=
        std::string::npos);
  CHECK(doc["segments"][0]["html"].get<std::string>().find("<mark>") == std::string::npos);
  CHECK(doc["matches"] == 1);
  for (const char* field : {"format", "size", "modified", "author", "date", "language", "description",
                            "keywords", "url", "countries", "actors"})
    CHECK(doc.contains(field));
  CHECK(api.get("/api/documents/99999").status == 404);
  CHECK(api.get("/api/documents/abc").status == 404);
  CHECK(api.get("/api/documents/").status == 404);
  CHECK(api.get("/api/documents/1", {{"path", "/etc/passwd"}}).status == 400);
}

TEST_CASE("similar reports leave the report itself out", "[api_routes]") {
  const Api api;
  const Json hit = api.json("/api/search", {{"q", "title:norway"}})["hits"][0];
  const std::string id = std::to_string(hit["id"].get<unsigned>());
  const Json similar = api.json("/api/similar/" + id, {{"n", "3"}});
  CHECK(similar["like"] == hit["id"]);
  for (const Json& other : similar["hits"])
    CHECK(other["id"] != hit["id"]);
  CHECK(api.get("/api/similar/99999").status == 404);
}

TEST_CASE("stats and entity lists answer the CLI's shapes", "[api_routes]") {
  const Api api;
  const Json stats = api.json("/api/stats");
  CHECK(stats["version"] == 1);
  CHECK(stats["documents"] == 5);
  CHECK(stats["roots"][0]["documents"] == 5);
  const Json countries = api.json("/api/entities", {{"kind", "country"}, {"prefix", "nor"}});
  REQUIRE(countries["entities"].size() == 1);
  CHECK(countries["entities"][0] == Json::parse(R"({"value":"NO","name":"Norway","count":1})"));
  const Json agencies = api.json("/api/entities", {{"kind", "intelligence-agency"}});
  REQUIRE_FALSE(agencies["entities"].empty());
  CHECK(agencies["entities"][0]["kind"] == "intelligence-agency");
  CHECK(api.get("/api/entities", {{"kind", "moons"}}).status == 400);
}

TEST_CASE("an export streams every match up to its limit, page by page", "[api_routes]") {
  ApiOptions options;
  options.export_page = 2;  // several pages for five reports
  const Api api(options);
  const ApiResponse csv = api.get("/api/export.csv", {{"q", "espionage"}});
  CHECK(csv.status == 200);
  CHECK(csv.content_type == "text/csv; charset=utf-8");
  CHECK(header(csv, "Content-Disposition") == "attachment; filename=\"dossier-export.csv\"");
  const std::string text = Api::drain(csv);
  CHECK(text.starts_with("rank,id,score,path,title,"));
  CHECK(std::count(text.begin(), text.end(), '\n') == 6);  // header and five rows
  for (int rank = 1; rank <= 5; ++rank)
    CHECK(text.find("\r\n" + std::to_string(rank) + ",") != std::string::npos);
  const std::string lines = Api::drain(api.get("/api/export.jsonl", {{"q", "espionage"}, {"n", "3"}}));
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 3);
  CHECK(Json::parse(lines.substr(0, lines.find('\n')))["rank"] == 1);
  ApiOptions capped;
  capped.export_page = 2;
  capped.export_limit = 3;
  const std::string limited = Api::drain(Api(capped).get("/api/export.csv", {{"q", "espionage"}}));
  CHECK(std::count(limited.begin(), limited.end(), '\n') == 4);
  CHECK(api.get("/api/export.csv", {{"q", "(bad"}}).status == 400);
  CHECK(api.get("/api/export.csv", {{"offset", "2"}}).status == 400);
}

TEST_CASE("the page's files are served by name with an entity tag", "[api_routes]") {
  const Api api;
  const ApiResponse page = api.get("/");
  CHECK(page.status == 200);
  CHECK(page.content_type == "text/html; charset=utf-8");
  const std::string etag = header(page, "ETag");
  CHECK_FALSE(etag.empty());
  const ApiResponse again = api.get("/", {}, {{"If-None-Match", etag}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(api.get("/", {}, {{"If-None-Match", "\"other\""}}).status == 200);
  CHECK(api.get("/app.js").content_type == "text/javascript; charset=utf-8");
  CHECK(api.get("/../etc/passwd").status == 404);
  CHECK(header(api.get("/"), "Cache-Control") == "no-cache");
}

namespace {

dossier::analysis::Watch saved_watch(const std::filesystem::path& database, std::string name,
                                     std::string query, std::vector<std::string> countries = {}) {
  dossier::analysis::Watch watch;
  watch.name = std::move(name);
  watch.query = std::move(query);
  watch.countries = std::move(countries);
  return dossier::indexer::add_watch({database}, watch);
}

// What `dossier watch run` does after printing: records how far each watch has reported.
void record_runs(const std::filesystem::path& database) {
  dossier::searcher::Searcher searcher(database);
  std::vector<dossier::indexer::WatchRunRecord> records;
  for (const auto& run : dossier::searcher::run_watches(searcher, {}))
    records.push_back({run.watch.name, run.watch.created, run.reported_until_ns});
  dossier::indexer::record_watch_runs({database}, records);
}

void index_again(const dossier::testing::ReportIndex& index) {
  dossier::indexer::IndexOptions options;
  options.database = index.database();
  options.roots = {index.folder()};
  dossier::indexer::run_index(options);
}

}  // namespace

TEST_CASE("the watch list counts each watch's matches new since its last run and records nothing",
          "[api_routes][watches]") {
  const Api api;
  const auto& db = api.index().database();
  CHECK(api.json("/api/watches")["watches"] == Json::array());
  saved_watch(db, "espionage in Norway", "espionage", {"NO"});
  saved_watch(db, "Fortinet", "Fortinet");
  for (int again = 0; again < 2; ++again) {  // asking does not record a run
    const Json list = api.json("/api/watches");
    CHECK(list["version"] == 1);
    REQUIRE(list["watches"].size() == 2);
    const Json& fortinet = list["watches"][0];  // by name, bytes: 'F' before 'e'
    const Json& norway = list["watches"][1];
    CHECK(fortinet["name"] == "Fortinet");
    CHECK(norway["name"] == "espionage in Norway");
    CHECK(norway["query"] == "espionage");
    CHECK(norway["countries"] == Json::array({"NO"}));
    CHECK(norway["last_run"].is_null());
    CHECK(norway["error"].is_null());
    // Never run: every current match is new.
    CHECK(norway["new"] == api.json("/api/search", {{"q", "espionage"}, {"country", "NO"}})["total"]);
    CHECK(fortinet["new"] == api.json("/api/search", {{"q", "Fortinet"}})["total"]);
    CHECK(fortinet["new"] == 1);
    CHECK(norway["changed"] == 0);
  }
  record_runs(db);
  const Json after = api.json("/api/watches");
  CHECK(after["watches"][0]["new"] == 0);
  CHECK(after["watches"][1]["new"] == 0);
  CHECK_FALSE(after["watches"][0]["last_run"].is_null());
  std::ofstream(api.index().folder() / "fortinet-2.md")
      << "---\ntitle: Fortinet again\n---\nFortinet once more.\n";
  index_again(api.index());
  const Json news = api.json("/api/watches");
  CHECK(news["watches"][0]["new"] == 1);
  CHECK(news["watches"][1]["new"] == 0);
  const Json matches = api.json("/api/watches/Fortinet");
  CHECK(matches["new"] == 1);
  REQUIRE(matches["hits"].size() == 1);
  CHECK(matches["hits"][0]["path"] == (api.index().folder() / "fortinet-2.md").string());
  CHECK(matches["hits"][0]["change"] == "new");
}

TEST_CASE("a watch's new matches are search hits; unknown and impossible names are 404s",
          "[api_routes][watches]") {
  const Api api;
  saved_watch(api.index().database(), "MSS espionage", "espionage MSS");
  const Json matches = api.json("/api/watches/MSS espionage", {{"n", "1"}});
  CHECK(matches["version"] == 1);
  CHECK(matches["name"] == "MSS espionage");
  CHECK(matches["since"].is_null());
  const Json search = api.json("/api/search", {{"q", "espionage MSS"}, {"n", "1"}});
  CHECK(matches["new"] == search["total"]);
  REQUIRE(matches["hits"].size() == 1);
  Json hit = matches["hits"][0];
  CHECK(hit["change"] == "new");
  hit.erase("change");
  CHECK(hit == search["hits"][0]);  // the same hit object as the search's (same rank, id, snippet...)
  for (const std::string& name : {std::string("nothing"), std::string("bad\x01name"), std::string(101, 'a'),
                                  std::string(), std::string("caf\xe9")}) {
    INFO(name);
    const ApiResponse missing = api.get("/api/watches/" + name);
    CHECK(missing.status == 404);
    const Json error = Json::parse(missing.body)["error"];
    CHECK(error["code"] == "not_found");
    CHECK(error.contains("column"));
    CHECK(error["message"].get<std::string>().find("no watch named") == 0);
  }
  CHECK(error_code(api.get("/api/watches", {{"n", "1"}})) == "bad_parameter");
  CHECK(api.get("/api/watches/MSS espionage", {{"n", "100000"}}).status == 400);
  CHECK(api.get("/api/watches/MSS espionage", {{"q", "x"}}).status == 400);
}
