#include "http_adapter.h"

#include "dossier/server/api_routes.h"

namespace dossier::server {
namespace {

// Entries httplib adds to a request's headers; they were not sent by the client.
constexpr std::string_view kLibraryHeaders[] = {"REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"};

constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

bool added_by_library(const std::string& name) {
  for (std::string_view added : kLibraryHeaders) {
    if (name == added) return true;
  }
  return false;
}

// The code of an error httplib answered before any handler ran.
ApiError library_error(int status) {
  switch (status) {
    case 414:
      return {414, "uri_too_long", "the request line is longer than 8192 bytes"};
    case 413:
      return {413, "body_not_allowed", "requests must not have a body"};
    case 416:
      return {416, "range_not_supported", "Range requests are not served"};
    case 404:
      return {404, "not_found", "not found"};
    case 400:
      return {400, "bad_request", "malformed request"};
    default:
      return {status, "internal", "the request could not be answered"};
  }
}

void replace_header(httplib::Response& response, const std::string& name, const std::string& value) {
  response.headers.erase(name);
  response.headers.emplace(name, value);
}

void replace_body(httplib::Response& response, const ApiError& error) {
  const ApiResponse answer = error_response(error);
  response.status = answer.status;
  response.body = answer.body;
  for (const char* stale : {"Content-Range", "Content-Encoding", "Transfer-Encoding"})
    response.headers.erase(stale);
  replace_header(response, "Content-Type", answer.content_type);
  replace_header(response, "Content-Length", std::to_string(response.body.size()));
  replace_header(response, "Cache-Control", "no-store");
}

}  // namespace

ApiRequest api_request_of(const httplib::Request& request) {
  ApiRequest api;
  api.method = request.method;
  api.path = request.path;
  for (const auto& [name, value] : request.params)
    api.params.emplace(name, value);
  for (const auto& [name, value] : request.headers) {
    if (!added_by_library(name)) api.headers.emplace_back(name, value);
  }
  return api;
}

void apply_response(const ApiResponse& answer, httplib::Response& response) {
  response.status = answer.status;
  for (const auto& [name, value] : answer.headers)
    response.set_header(name, value);
  if (answer.chunks) {
    BodyChunks chunks = answer.chunks;
    response.set_chunked_content_provider(answer.content_type,
                                          [chunks](std::size_t, httplib::DataSink& sink) {
                                            try {
                                              // An empty write would end httplib's loop without the final
                                              // chunk: skip empty pieces.
                                              for (;;) {
                                                std::optional<std::string> piece = chunks();
                                                if (!piece) {
                                                  sink.done();
                                                  return true;
                                                }
                                                if (!piece->empty())
                                                  return sink.write(piece->data(), piece->size());
                                              }
                                            } catch (...) {
                                              // The client sees the transfer cut short (no final chunk),
                                              // never a complete-looking file.
                                              return false;
                                            }
                                          });
    return;
  }
  if (!answer.body.empty()) {
    response.set_content(answer.body, answer.content_type);
  } else if (!answer.content_type.empty()) {
    response.set_header("Content-Type", answer.content_type);
  }
}

void finish_response(const httplib::Request& request, httplib::Response& response) {
  if (request.has_header("Range")) {
    replace_body(response, library_error(416));
  } else if (response.status >= 400 && response.body.empty() && !response.content_provider_) {
    replace_body(response, library_error(response.status));
  }
  replace_header(response, "Content-Security-Policy", kContentSecurityPolicy);
  replace_header(response, "X-Content-Type-Options", "nosniff");
  replace_header(response, "Referrer-Policy", "no-referrer");
  replace_header(response, "X-Frame-Options", "DENY");
  replace_header(response, "Cross-Origin-Opener-Policy", "same-origin");
  replace_header(response, "Cross-Origin-Resource-Policy", "same-origin");
  replace_header(response, "Accept-Ranges", "none");
  // httplib compresses text for clients that accept it; caches must keep the two apart.
  if (response.has_header("Content-Encoding")) replace_header(response, "Vary", "Accept-Encoding");
}

}  // namespace dossier::server
