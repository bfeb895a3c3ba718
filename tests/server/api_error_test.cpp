#include "dossier/server/api_error.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "dossier/searcher/search_errors.h"
#include "dossier/server/api_routes.h"
#include "dossier/server/search_pool.h"

using dossier::server::ApiError;
using dossier::server::current_api_error;
using dossier::server::error_json;

namespace {

template <class Exception>
ApiError mapped(const Exception& exception) {
  try {
    throw exception;
  } catch (...) {
    return current_api_error();
  }
}

std::string header(const dossier::server::ApiResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return "";
}

}  // namespace

TEST_CASE("an error's JSON has its code, message and column", "[api_error]") {
  CHECK(nlohmann::json::parse(error_json(ApiError(400, "bad_query", "unbalanced '(' at column 3", 3))) ==
        nlohmann::json::parse(
            R"({"error":{"code":"bad_query","message":"unbalanced '(' at column 3","column":3}})"));
  CHECK(nlohmann::json::parse(error_json(ApiError(404, "not_found", "gone")))["error"]["column"].is_null());
  CHECK(nlohmann::json::parse(error_json(ApiError(400, "bad_parameter", "q: caf\xe9")))["error"]["message"] ==
        "q: caf\xef\xbf\xbd");
}

TEST_CASE("the searcher's failures become their statuses", "[api_error]") {
  const ApiError syntax = mapped(dossier::searcher::QuerySyntaxError("unbalanced '('", 7));
  CHECK(syntax.status() == 400);
  CHECK(syntax.code() == "bad_query");
  CHECK(syntax.column() == 7u);
  CHECK(mapped(dossier::searcher::UnknownEntityError("unknown country 'X'")).code() == "unknown_entity");
  CHECK(mapped(dossier::searcher::DocumentNotFoundError("no document")).status() == 404);
  const ApiError timeout = mapped(dossier::searcher::SearchTimeoutError("took longer"));
  CHECK(timeout.status() == 503);
  CHECK(timeout.code() == "timeout");
  const ApiError busy = mapped(dossier::server::ServerBusyError("busy"));
  CHECK(busy.status() == 503);
  CHECK(busy.code() == "busy");
  CHECK(mapped(dossier::searcher::SearchError("cannot read")).status() == 500);
  CHECK(mapped(std::runtime_error("anything")).code() == "internal");
}

TEST_CASE("only a busy answer says when to retry, and no error is cached", "[api_error]") {
  CHECK(header(dossier::server::error_response(ApiError(503, "busy", "busy")), "Retry-After") == "1");
  CHECK(header(dossier::server::error_response(ApiError(503, "timeout", "slow")), "Retry-After").empty());
  CHECK(header(dossier::server::error_response(ApiError(404, "not_found", "gone")), "Cache-Control") ==
        "no-store");
  CHECK(header(dossier::server::error_response(ApiError(405, "method_not_allowed", "no")), "Allow") ==
        "GET, HEAD");
  CHECK(header(dossier::server::error_response(ApiError(401, "unauthorized", "no")), "WWW-Authenticate") ==
        "Bearer");
}
