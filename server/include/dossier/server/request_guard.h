/// \file
/// The checks every request passes before it is routed: method, body, header sizes, Host (DNS
/// rebinding), Range and the access token.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/server/api_error.h"

namespace dossier::server {

/// Request headers as received: name and value, in order.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// What the guard looks at.
struct RequestHead {
  std::string method;
  std::string path;  ///< decoded, without the query string
  HeaderList headers;
};

/// What the guard allows.
struct GuardPolicy {
  /// When set, `/api/` requests (but `/api/health`) need `Authorization: Bearer <token>`.
  std::optional<std::string> token;
  /// Host names and address literals the server answers to, lower case, IPv6 in brackets
  /// ("127.0.0.1", "localhost", "[::1]").
  std::vector<std::string> host_names;
  /// Bound to a wildcard address (0.0.0.0, ::): any address literal is a name of this server.
  bool any_address = false;
  int port = 0;                              ///< the port bound; a Host header must name it
  std::size_t max_header_bytes = 16 * 1024;  ///< names and values of every header together
  std::size_t max_headers = 64;
};

/// The first check `head` fails, as the error to answer with: 416 "range_not_supported" for any
/// Range header (httplib 0.11 answers overlapping ranges with more bytes than the file has, so
/// ranges are refused, before anything else); 405 "method_not_allowed" for
/// anything but GET and HEAD; 413 "body_not_allowed" for a request with a body (Content-Length
/// above 0, Transfer-Encoding); 431 "headers_too_large" past the policy's sizes; 400 "bad_host"
/// for a missing Host or one that names another server or port (a page of another site that
/// resolves its name to this machine); 401
/// "unauthorized" for an API request without the right token. None when every check passes.
std::optional<ApiError> check_request(const RequestHead& head, const GuardPolicy& policy);

/// The value of header `name` (any case), or none.
std::optional<std::string_view> header_value(const HeaderList& headers, std::string_view name);

/// True when `host` is a loopback name or address: "localhost", 127.0.0.0/8, ::1.
bool is_loopback_host(std::string_view host);

/// True when `host` is a wildcard address that binds every interface: "0.0.0.0", "::", "".
bool is_wildcard_host(std::string_view host);

/// A fresh random token: 32 hexadecimal digits (128 bits from the system's random source).
std::string make_token();

}  // namespace dossier::server
