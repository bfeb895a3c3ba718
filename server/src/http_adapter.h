// Between cpp-httplib's requests and responses and the API's plain values, and the fix-ups
// every answer gets on its way out.
#pragma once

#include <httplib.h>

#include "dossier/server/api_message.h"

namespace dossier::server {

/// The method, decoded path, parameters and headers of `request` (without the REMOTE_ADDR,
/// LOCAL_ADDR... entries httplib adds to the headers itself).
ApiRequest api_request_of(const httplib::Request& request);

/// Sets `response` from `answer`: status, headers, body, or a chunked body from `answer.chunks`.
void apply_response(const ApiResponse& answer, httplib::Response& response);

/// The last word on every response, after httplib has prepared it: a request with a Range header
/// gets the 416 JSON error whole (httplib would have cut the body to the range, or answered
/// overlapping ranges with more bytes than the body has); an error httplib produced itself (414,
/// 400) gets a JSON body; the security headers are set.
void finish_response(const httplib::Request& request, httplib::Response& response);

}  // namespace dossier::server
