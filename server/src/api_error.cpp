#include "dossier/server/api_error.h"

#include <nlohmann/json.hpp>

#include "dossier/analysis/utf8.h"
#include "dossier/searcher/search_errors.h"
#include "dossier/server/search_pool.h"

namespace dossier::server {

std::string error_json(const ApiError& error) {
  const nlohmann::ordered_json json = {
      {"error",
       {{"code", error.code()},
        {"message", analysis::repair_utf8(error.what())},
        {"column", error.column() ? nlohmann::ordered_json(*error.column()) : nlohmann::ordered_json()}}}};
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

ApiError current_api_error() {
  try {
    throw;
  } catch (const ApiError& e) {
    return e;
  } catch (const searcher::QuerySyntaxError& e) {
    return {400, "bad_query", e.what(), e.column()};
  } catch (const searcher::UnknownEntityError& e) {
    return {400, "unknown_entity", e.what()};
  } catch (const searcher::DocumentNotFoundError& e) {
    return {404, "not_found", e.what()};
  } catch (const searcher::WatchNotFoundError& e) {
    return {404, "not_found", e.what()};
  } catch (const searcher::SearchTimeoutError& e) {
    return {503, "timeout", e.what()};
  } catch (const ServerBusyError& e) {
    return {503, "busy", e.what()};
  } catch (const std::exception& e) {
    return {500, "internal", e.what()};
  } catch (...) {
    return {500, "internal", "unexpected error"};
  }
}

}  // namespace dossier::server
