/// \file
/// The server's request log: what it reports of each answered request.
#pragma once

#include <functional>
#include <string>

namespace dossier::server {

/// One line of the request log.
struct RequestLog {
  std::string method;
  std::string target;  ///< path and query string as sent (the token is never in them)
  int status = 0;
  double milliseconds = 0;  ///< from routing to the last byte written
};

/// Receives a `RequestLog` after each response; called from connection threads, concurrently.
using RequestLogger = std::function<void(const RequestLog&)>;

}  // namespace dossier::server
