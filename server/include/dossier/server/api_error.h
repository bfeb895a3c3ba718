/// \file
/// Errors of the HTTP API: a status and a JSON body `{"error": {"code", "message", "column"}}`.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace dossier::server {

/// A request the API refuses or could not answer. `code` is a stable word for scripts
/// ("bad_query", "unknown_entity", "bad_parameter", "unauthorized", "not_found",
/// "method_not_allowed", "busy", "timeout"...), `what()` a one-line message for people.
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message, std::optional<std::size_t> column = {})
      : std::runtime_error(message), status_(status), code_(std::move(code)), column_(column) {}

  int status() const noexcept { return status_; }
  const std::string& code() const noexcept { return code_; }
  /// 1-based character column of a query syntax error; none otherwise.
  std::optional<std::size_t> column() const noexcept { return column_; }

 private:
  int status_;
  std::string code_;
  std::optional<std::size_t> column_;
};

/// `{"error": {"code": "...", "message": "...", "column": N or null}}` (valid UTF-8).
std::string error_json(const ApiError& error);

/// The `ApiError` for an exception a handler let through: the searcher's errors become 400
/// (`QuerySyntaxError` with its column, `UnknownEntityError`), 404 (`DocumentNotFoundError`,
/// `WatchNotFoundError`) or 503 (`SearchTimeoutError`; `ServerBusyError`, which also gets Retry-After),
/// anything else 500. Call from inside a `catch` block.
ApiError current_api_error();

}  // namespace dossier::server
