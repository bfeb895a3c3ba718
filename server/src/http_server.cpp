#include "dossier/server/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "http_adapter.h"

namespace dossier::server {
namespace {

constexpr std::size_t kKeepAliveRequests = 100;
constexpr time_t kKeepAliveSeconds = 2;  // also how long an idle connection delays a stop
constexpr time_t kReadTimeoutSeconds = 5;
constexpr time_t kWriteTimeoutSeconds = 10;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// "::1" -> "[::1]": how an IPv6 literal appears in a URL and a Host header.
std::string url_host(const std::string& host) {
  return host.find(':') != std::string::npos && host.front() != '[' ? "[" + host + "]" : host;
}

GuardPolicy policy_for(const ServerOptions& options, int port) {
  GuardPolicy policy;
  policy.token = options.token;
  policy.port = port;
  if (is_wildcard_host(options.host)) {
    policy.any_address = true;
    policy.host_names = {"localhost"};
  } else {
    policy.host_names = {lower(url_host(options.host))};
  }
  if (is_loopback_host(options.host) || is_wildcard_host(options.host)) {
    for (const char* name : {"127.0.0.1", "localhost", "[::1]"})
      policy.host_names.emplace_back(name);
  }
  for (const std::string& name : options.host_names)
    policy.host_names.push_back(lower(url_host(name)));
  return policy;
}

}  // namespace

struct HttpServer::Impl {
  Impl(const ServerOptions& server_options, const ApiRoutes& api_routes, RequestLogger request_logger)
      : options(server_options), routes(api_routes), logger(std::move(request_logger)) {}

  void configure();
  void bind();
  void drain_then_close();
  httplib::Server::HandlerResponse handle(const httplib::Request& request, httplib::Response& response);
  void finish(const httplib::Request& request, const httplib::Response& response);

  ServerOptions options;
  const ApiRoutes& routes;
  RequestLogger logger;
  GuardPolicy policy;
  httplib::Server http;
  int port = 0;

  std::mutex mutex;
  std::condition_variable changed;
  bool stopping = false;
  bool listening_ended = false;
  // Requests routed and not yet logged, with when they were routed.
  std::map<const httplib::Request*, std::chrono::steady_clock::time_point> in_flight;
};

void HttpServer::Impl::configure() {
  const std::size_t threads = std::max<std::size_t>(1, options.connection_threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Headers and body go out in separate writes; with Nagle's algorithm the body would wait for the
  // client's delayed ACK of the headers (~40 ms on Linux).
  http.set_tcp_nodelay(true);
  // httplib's default sets SO_REUSEPORT, with which a second server on the same port shares it
  // silently (the kernel splits the connections between the two); SO_REUSEADDR alone lets a
  // restart bind at once and a port in use be refused.
  http.set_socket_options([](int socket) {
    const int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_keep_alive_max_count(kKeepAliveRequests);
  http.set_keep_alive_timeout(kKeepAliveSeconds);
  http.set_read_timeout(kReadTimeoutSeconds);
  http.set_write_timeout(kWriteTimeoutSeconds);
  // No route reads a body; this caps what the library would read for one before the guard.
  http.set_payload_max_length(1024);
  http.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    return handle(request, response);
  });
  http.set_post_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    finish_response(request, response);
  });
  http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    finish(request, response);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    apply_response(error_response(ApiError(500, "internal", "unexpected error")), response);
  });
}

void HttpServer::Impl::bind() {
  if (!options.token && !is_loopback_host(options.host)) {
    throw ServerError("refusing to serve " + options.host +
                      " without an access token: only loopback addresses may be served without one");
  }
  if (options.port < 0 || options.port > 65535)
    throw ServerError("port " + std::to_string(options.port) + " is not 0 to 65535");
  const std::string address =
      options.host.front() == '[' ? options.host.substr(1, options.host.size() - 2) : options.host;
  if (options.port == 0) {
    port = http.bind_to_any_port(address);
    if (port < 0) port = 0;
  } else if (http.bind_to_port(address, options.port)) {
    port = options.port;
  }
  if (port <= 0) {
    throw ServerError("cannot listen on " + url_host(options.host) + ":" + std::to_string(options.port) +
                      " (in use, or not an address of this machine)");
  }
  policy = policy_for(options, port);
}

httplib::Server::HandlerResponse HttpServer::Impl::handle(const httplib::Request& request,
                                                          httplib::Response& response) {
  bool refuse = false;
  {
    std::lock_guard lock(mutex);
    in_flight.emplace(&request, std::chrono::steady_clock::now());
    refuse = stopping;
  }
  if (refuse) {
    apply_response(error_response(ApiError(503, "shutting_down", "the server is stopping")), response);
    response.set_header("Connection", "close");
    return httplib::Server::HandlerResponse::Handled;
  }
  const ApiRequest api = api_request_of(request);
  if (const std::optional<ApiError> refused = check_request({api.method, api.path, api.headers}, policy)) {
    apply_response(error_response(*refused), response);
  } else {
    apply_response(routes.respond(api), response);
  }
  return httplib::Server::HandlerResponse::Handled;
}

void HttpServer::Impl::finish(const httplib::Request& request, const httplib::Response& response) {
  RequestLog line{request.method, request.target, response.status, 0};
  {
    std::lock_guard lock(mutex);
    const auto it = in_flight.find(&request);
    if (it != in_flight.end()) {
      const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - it->second;
      line.milliseconds = elapsed.count();
      in_flight.erase(it);
    }
  }
  changed.notify_all();
  if (line.method.empty()) line.method = "-";
  if (logger) logger(line);
}

// Runs beside `serve`: once stopping, waits for the requests in flight, then closes the listening
// socket, which ends httplib's accept loop (it then joins its connection threads).
void HttpServer::Impl::drain_then_close() {
  std::unique_lock lock(mutex);
  changed.wait(lock, [this] { return stopping || listening_ended; });
  changed.wait_for(lock, options.drain_timeout, [this] { return in_flight.empty() || listening_ended; });
  // httplib ignores a stop before its loop runs: wait for it to start (or to have failed).
  while (!http.is_running() && !listening_ended) {
    lock.unlock();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    lock.lock();
  }
  lock.unlock();
  http.stop();
}

HttpServer::HttpServer(const ServerOptions& options, const ApiRoutes& routes, RequestLogger logger)
    : impl_(std::make_unique<Impl>(options, routes, std::move(logger))) {
  impl_->configure();
  impl_->bind();
}

HttpServer::~HttpServer() = default;

int HttpServer::port() const noexcept {
  return impl_->port;
}

std::string HttpServer::page_url() const {
  const std::string host =
      is_wildcard_host(impl_->options.host) ? "127.0.0.1" : url_host(impl_->options.host);
  std::string url = "http://" + host + ":" + std::to_string(impl_->port) + "/";
  if (impl_->options.token) url += "#token=" + *impl_->options.token;
  return url;
}

void HttpServer::serve() {
  std::thread closer([this] { impl_->drain_then_close(); });
  const bool listened = impl_->http.listen_after_bind();
  {
    std::lock_guard lock(impl_->mutex);
    impl_->listening_ended = true;
  }
  impl_->changed.notify_all();
  closer.join();
  bool stopped = false;
  {
    std::lock_guard lock(impl_->mutex);
    stopped = impl_->stopping;
  }
  if (!listened && !stopped) throw ServerError("the server stopped listening (accept failed)");
}

void HttpServer::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->changed.notify_all();
}

}  // namespace dossier::server
