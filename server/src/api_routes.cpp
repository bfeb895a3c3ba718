#include "dossier/server/api_routes.h"

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "document_text.h"
#include "dossier/analysis/printable.h"
#include "dossier/analysis/utf8.h"
#include "dossier/searcher/document_format.h"
#include "dossier/searcher/index_stats.h"
#include "dossier/searcher/result_format.h"
#include "dossier/searcher/watch_format.h"
#include "dossier/searcher/watch_run.h"
#include "dossier/server/assets.h"
#include "dossier/server/export_format.h"

namespace dossier::server {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kJsonType = "application/json; charset=utf-8";
constexpr std::size_t kMaxOffset = 1'000'000'000;
constexpr std::size_t kMaxTop = 10'000;

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

ApiResponse json_response(const Json& json) {
  return {200, std::string(kJsonType), dump(json), {}, {}};
}

// A search's JSON with `"took_ms"` (this request, from its arrival at the pool) and `"cached"`
// added at the end of the object.
ApiResponse timed_response(std::string body, std::chrono::steady_clock::time_point start, bool cached) {
  const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
  char fields[64];
  std::snprintf(fields, sizeof fields, ",\"took_ms\":%.1f,\"cached\":%s", elapsed.count(),
                cached ? "true" : "false");
  body.insert(body.size() - 1, fields);
  return {200, std::string(kJsonType), std::move(body), {}, {}};
}

// The search a request describes, with the server's limits.
searcher::SearchRequest limited_search(const ParamReader& reader, const ApiOptions& options) {
  searcher::SearchRequest request = search_request(reader);
  request.time_limit = options.time_limit;
  return request;
}

ApiResponse asset_response(const ApiRequest& request) {
  const std::optional<Asset> asset = find_asset(request.path);
  if (!asset) throw ApiError(404, "not_found", "no such page: " + analysis::printable(request.path));
  ApiResponse response{200, std::string(asset->content_type), {}, {{"ETag", std::string(asset->etag)}}, {}};
  // Revalidated on each load (no-cache), answered 304 while the build is the same.
  response.headers.emplace_back("Cache-Control", "no-cache");
  const auto match = header_value(request.headers, "If-None-Match");
  if (match && *match == asset->etag) {
    response.status = 304;
    return response;
  }
  response.body = std::string(asset->body);
  return response;
}

// Where an export stands between the pages it searches.
struct ExportCursor {
  searcher::SearchRequest request;
  std::size_t remaining = 0;  // rows still to list
  ExportFormat format = ExportFormat::Csv;
};

std::string export_text(const searcher::SearchResult& result, ExportFormat format) {
  return format == ExportFormat::Csv ? csv_rows(result) : searcher::format_json_lines(result);
}

}  // namespace

ApiResponse error_response(const ApiError& error) {
  ApiResponse response{
      error.status(), std::string(kJsonType), error_json(error), {{"Cache-Control", "no-store"}}, {}};
  if (error.code() == "busy") response.headers.emplace_back("Retry-After", "1");
  if (error.status() == 405) response.headers.emplace_back("Allow", "GET, HEAD");
  if (error.status() == 401) response.headers.emplace_back("WWW-Authenticate", "Bearer");
  return response;
}

ApiRoutes::ApiRoutes(SearchPool& pool, ResultCache& cache, ApiOptions options)
    : pool_(pool), cache_(cache), options_(std::move(options)) {}

// The JSON body of `request`, computed by `compute` on a worker, or the one kept for the revision
// the worker's searcher reads; true when it was kept. It is kept only when no commit landed while
// it was computed, so a kept answer is always the answer for its revision.
template <class Compute>
std::pair<std::string, bool> ApiRoutes::cached(const ApiRequest& request, Compute compute) const {
  const std::string key = cache_key(request.path, request.params);
  return pool_.call([&](searcher::Searcher& s) {
    const std::string revision = s.revision();
    if (std::optional<std::string> body = cache_.find(key, revision))
      return std::pair{std::move(*body), true};
    std::string body = compute(s);
    if (s.revision() == revision) cache_.store(key, revision, body);
    return std::pair{std::move(body), false};
  });
}

ApiResponse ApiRoutes::respond(const ApiRequest& request) const {
  try {
    ApiResponse response = route(request);
    // API answers are about an index that changes: never kept by a browser or a proxy.
    if (request.path.rfind("/api/", 0) == 0) response.headers.emplace_back("Cache-Control", "no-store");
    return response;
  } catch (...) {
    return error_response(current_api_error());
  }
}

ApiResponse ApiRoutes::route(const ApiRequest& request) const {
  const std::string& path = request.path;
  if (path == "/api/search") return search(request);
  if (path == "/api/stats") return stats(request);
  if (path == "/api/entities") return entities(request);
  if (path == "/api/export.csv") return export_results(request, ExportFormat::Csv);
  if (path == "/api/export.jsonl") return export_results(request, ExportFormat::JsonLines);
  if (path == "/api/health") return health();
  if (path == "/api/watches") return watches(request);
  constexpr std::string_view kDocuments = "/api/documents/";
  constexpr std::string_view kSimilar = "/api/similar/";
  constexpr std::string_view kWatches = "/api/watches/";
  if (path.rfind(kDocuments, 0) == 0) return document(request, document_id(path.substr(kDocuments.size())));
  if (path.rfind(kSimilar, 0) == 0) return similar(request, document_id(path.substr(kSimilar.size())));
  if (path.rfind(kWatches, 0) == 0) return watch(request, watch_name(path.substr(kWatches.size())));
  if (path.rfind("/api/", 0) == 0 || path == "/api") {
    throw ApiError(404, "not_found", "no such endpoint: " + analysis::printable(path));
  }
  return asset_response(request);
}

ApiResponse ApiRoutes::search(const ApiRequest& request) const {
  const ParamReader reader(request.params, search_params({"n", "offset"}), search_list_params());
  searcher::SearchRequest search = limited_search(reader, options_);
  search.limit = reader.number("n", 10, options_.max_hits);
  search.offset = reader.number("offset", 0, kMaxOffset);
  search.timeline = true;
  const auto started = std::chrono::steady_clock::now();
  auto [body, kept] = cached(
      request, [&](searcher::Searcher& s) { return dump(searcher::search_result_json(s.search(search))); });
  return timed_response(std::move(body), started, kept);
}

ApiResponse ApiRoutes::document(const ApiRequest& request, unsigned id) const {
  const ParamReader reader(request.params, {"q", "exact"});
  const std::string query = reader.text("q").value_or("");
  const bool exact = reader.flag("exact");
  Json json = pool_.call([&](searcher::Searcher& s) {
    const searcher::DocumentView view = s.show(id);
    Json object = searcher::document_json(view);
    object["id"] = id;
    searcher::SearchRequest marking;
    marking.query = query;
    marking.expand_aliases = !exact;
    object.update(document_text_json(s.text(id, marking), query));
    return object;
  });
  return json_response(json);
}

ApiResponse ApiRoutes::similar(const ApiRequest& request, unsigned id) const {
  const ParamReader reader(request.params, search_params({"n", "offset"}), search_list_params());
  searcher::SearchRequest search = limited_search(reader, options_);
  // The query is optional here: without one, likeness alone ranks.
  if (!reader.text("q") || search.query == "*") search.query.clear();
  search.limit = reader.number("n", 10, options_.max_hits);
  search.offset = reader.number("offset", 0, kMaxOffset);
  const auto started = std::chrono::steady_clock::now();
  auto [body, kept] = cached(request, [&](searcher::Searcher& s) {
    searcher::SearchRequest like = search;
    like.like = s.show(id).record.path;
    Json json = searcher::search_result_json(s.search(like));
    json["like"] = id;
    return dump(json);
  });
  return timed_response(std::move(body), started, kept);
}

ApiResponse ApiRoutes::stats(const ApiRequest& request) const {
  const ParamReader reader(request.params, {"top"});
  const std::size_t top = reader.number("top", 10, kMaxTop);
  auto [body, kept] = cached(request, [&](searcher::Searcher&) {
    return searcher::stats_to_json(searcher::read_index_stats(options_.databases, top));
  });
  return {200, std::string(kJsonType), std::move(body), {}, {}};
}

ApiResponse ApiRoutes::entities(const ApiRequest& request) const {
  const ParamReader reader(request.params, {"kind", "prefix", "n"});
  const searcher::EntityListRequest list = entity_list_request(reader);
  const searcher::FacetFields fields = list.type == searcher::EntityType::Country
                                           ? searcher::FacetFields::Plain
                                           : searcher::FacetFields::Actor;
  auto [body, kept] = cached(request, [&](searcher::Searcher& s) {
    return dump({{"version", searcher::kJsonVersion},
                 {"kind", reader.text("kind").value_or("actor")},
                 {"prefix", analysis::repair_utf8(list.prefix)},
                 {"entities", searcher::facet_values_json(s.entities(list), fields)}});
  });
  return {200, std::string(kJsonType), std::move(body), {}, {}};
}

ApiResponse ApiRoutes::export_results(const ApiRequest& request, ExportFormat format) const {
  const ParamReader reader(request.params, search_params({"n"}), search_list_params());
  auto cursor = std::make_shared<ExportCursor>();
  cursor->request = limited_search(reader, options_);
  cursor->request.facet_limit = 1;
  cursor->remaining = reader.number("n", options_.export_limit, options_.export_limit);
  cursor->format = format;
  // The first page is searched now, so a bad query is a 400 rather than a cut-off download.
  cursor->request.limit = std::min(options_.export_page, cursor->remaining);
  searcher::SearchResult first = pool_.call([&](searcher::Searcher& s) { return s.search(cursor->request); });
  cursor->remaining = std::min(cursor->remaining, first.total) - first.hits.size();
  cursor->request.offset = first.hits.size();
  auto pending = std::make_shared<std::string>((format == ExportFormat::Csv ? csv_header() : "") +
                                               export_text(first, format));
  SearchPool& pool = pool_;
  const std::size_t page = options_.export_page;
  ApiResponse response{
      200, format == ExportFormat::Csv ? "text/csv; charset=utf-8" : "application/x-ndjson", {}, {}, {}};
  response.headers.emplace_back("Content-Disposition", std::string("attachment; filename=\"dossier-export.") +
                                                           (format == ExportFormat::Csv ? "csv" : "jsonl") +
                                                           "\"");
  response.headers.emplace_back("X-Total-Count", std::to_string(first.total));
  response.chunks = [cursor, pending, &pool, page]() -> std::optional<std::string> {
    if (!pending->empty()) return std::exchange(*pending, std::string());
    if (cursor->remaining == 0) return std::nullopt;
    cursor->request.limit = std::min(page, cursor->remaining);
    // A response under way waits for a worker rather than fail half-way.
    const searcher::SearchResult next =
        pool.call([&](searcher::Searcher& s) { return s.search(cursor->request); }, Admission::WaitForRoom);
    if (next.hits.empty()) return std::nullopt;
    cursor->remaining -= std::min(cursor->remaining, next.hits.size());
    cursor->request.offset += next.hits.size();
    return export_text(next, cursor->format);
  };
  return response;
}

// The watches and how much is news for each, as `dossier watch run` would report it; the server
// only reads the index, so nothing is recorded and every reader sees the same news.
ApiResponse ApiRoutes::watches(const ApiRequest& request) const {
  const ParamReader reader(request.params, {});
  auto [body, kept] = cached(request, [](searcher::Searcher& s) {
    return searcher::format_watch_news_json(searcher::watch_news(s));
  });
  return {200, std::string(kJsonType), std::move(body), {}, {}};
}

ApiResponse ApiRoutes::watch(const ApiRequest& request, const std::string& name) const {
  const ParamReader reader(request.params, {"n"});
  searcher::WatchRunRequest run;
  run.names = {name};
  run.limit = reader.number("n", 10, options_.max_hits);
  auto [body, kept] = cached(request, [&](searcher::Searcher& s) {
    return searcher::format_watch_matches_json(searcher::run_watches(s, run).front());
  });
  return {200, std::string(kJsonType), std::move(body), {}, {}};
}

ApiResponse ApiRoutes::health() const {
  return json_response({{"version", searcher::kJsonVersion},
                        {"status", "ok"},
                        {"search_threads", pool_.threads()},
                        {"waiting", pool_.waiting()},
                        {"cache_hits", cache_.hits()},
                        {"cache_misses", cache_.misses()}});
}

}  // namespace dossier::server
