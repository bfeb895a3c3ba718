/// \file
/// `dossier serve`: the HTTP server (cpp-httplib) in front of the API routes, with the guard,
/// the security headers and a graceful stop.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "dossier/server/api_routes.h"
#include "dossier/server/request_log.h"

namespace dossier::server {

/// The server cannot start: the address cannot be bound, or it is not a loopback address and no
/// token protects it.
class ServerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Where and how the server listens.
struct ServerOptions {
  std::string host = "127.0.0.1";  ///< address or name to bind; a non-loopback one needs a token
  int port = 8080;                 ///< 0 picks a free port
  /// `Authorization: Bearer` token the API requires (see `make_token`); none serves anyone who can
  /// connect (allowed on loopback addresses only).
  std::optional<std::string> token;
  /// More names the Host header may give (a DNS name of this machine when bound to all interfaces).
  std::vector<std::string> host_names;
  std::size_t connection_threads = 32;  ///< threads reading and writing connections
  /// How long a stop waits for requests in flight (an export streaming) before it closes them.
  std::chrono::seconds drain_timeout{30};
};

/// Serves `routes` over HTTP/1.1: GET and HEAD only, every request through `check_request`,
/// `Content-Security-Policy`, `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` and
/// `X-Frame-Options: DENY` on every answer, JSON errors for what the HTTP library refuses itself
/// (a request line over 8 KiB: 414). Connections are served by `connection_threads` threads;
/// searches by the routes' pool.
class HttpServer {
 public:
  /// Binds `options.host`:`options.port`. Throws `ServerError` when it cannot, or when the host is
  /// not a loopback address and `options.token` is empty.
  HttpServer(const ServerOptions& options, const ApiRoutes& routes, RequestLogger logger);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// The port bound (the free one picked for port 0).
  int port() const noexcept;

  /// The address to open in a browser: `http://127.0.0.1:PORT/#token=TOKEN` (no fragment without
  /// a token). The token is in the fragment, which browsers never send, so it stays out of logs.
  std::string page_url() const;

  /// Serves until `stop`, then returns once the requests in flight are answered (or
  /// `drain_timeout` passed). Throws `ServerError` when listening fails.
  void serve();

  /// Asks `serve` to return: new requests get 503 "shutting_down", those in flight finish. Safe
  /// from any thread, before or during `serve`, more than once.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier::server
