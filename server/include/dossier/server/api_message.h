/// \file
/// A request to the API and its answer, as plain values: the routes never see the HTTP library.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "dossier/server/api_params.h"
#include "dossier/server/request_guard.h"

namespace dossier::server {

/// A request that passed the guard.
struct ApiRequest {
  std::string method;  ///< GET or HEAD
  std::string path;    ///< decoded, without the query string: "/api/search"
  QueryParams params;
  HeaderList headers;
};

/// The next piece of a streamed body, or none at the end. Throws to abort the response (the
/// client then sees a transfer cut short, never a body that looks complete).
using BodyChunks = std::function<std::optional<std::string>()>;

/// The answer.
struct ApiResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  HeaderList headers;  ///< extra headers: Retry-After, Allow, Content-Disposition, ETag...
  BodyChunks chunks;   ///< when set, the body is streamed from it instead of `body`
};

}  // namespace dossier::server
