// The server through a real socket (port 0): every endpoint, each guard, the busy answer and a
// graceful stop.
#include "dossier/server/http_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "dossier/indexer/watch_store.h"
#include "job_gate.h"
#include "report_index.h"

using dossier::server::ApiOptions;
using dossier::server::ApiRoutes;
using dossier::server::HttpServer;
using dossier::server::RequestLog;
using dossier::server::ResultCache;
using dossier::server::SearchPool;
using dossier::server::ServerOptions;
using Json = nlohmann::json;

namespace {

constexpr const char* kToken = "0123456789abcdef0123456789abcdef";

// A server on a free port, serving on its own thread until the fixture ends.
class Running {
 public:
  explicit Running(std::size_t threads = 2, std::size_t queue = 8)
      : pool_({index_.database()}, {threads, queue}), cache_(0) {
    std::signal(SIGPIPE, SIG_IGN);
    ApiOptions api;
    api.databases = {index_.database()};
    routes_ = std::make_unique<ApiRoutes>(pool_, cache_, api);
    ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.token = kToken;
    server_ = std::make_unique<HttpServer>(options, *routes_, [this](const RequestLog& line) {
      std::lock_guard lock(log_mutex_);
      log_.push_back(line);
    });
    serving_ = std::thread([this] { server_->serve(); });
  }
  ~Running() {
    server_->stop();
    if (serving_.joinable()) serving_.join();
  }

  int port() const { return server_->port(); }
  const std::filesystem::path& database() const { return index_.database(); }
  HttpServer& server() { return *server_; }
  SearchPool& pool() { return pool_; }
  void join() { serving_.join(); }

  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port());
    client.set_read_timeout(60, 0);
    return client;
  }
  static httplib::Headers auth() { return {{"Authorization", std::string("Bearer ") + kToken}}; }

  std::vector<RequestLog> log() {
    std::lock_guard lock(log_mutex_);
    return log_;
  }

 private:
  dossier::testing::ReportIndex index_;
  SearchPool pool_;
  ResultCache cache_;
  std::unique_ptr<ApiRoutes> routes_;
  std::unique_ptr<HttpServer> server_;
  std::thread serving_;
  std::mutex log_mutex_;
  std::vector<RequestLog> log_;
};

// Sends `request` as written on a new connection and returns everything the server answers.
std::string raw(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  timeval timeout{30, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  // Not shut down for writing: httplib takes a half-closed connection for a closed one and would not
  // answer. "Connection: close" ends it after the answer.
  std::string answer;
  char buffer[8192];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
    answer.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  return answer;
}

std::string status_line(const std::string& answer) {
  return answer.substr(0, answer.find("\r\n"));
}

std::string body_of(const std::string& answer) {
  const std::size_t end = answer.find("\r\n\r\n");
  return end == std::string::npos ? "" : answer.substr(end + 4);
}

std::string raw_get(int port, const std::string& target, const std::string& headers = "") {
  return raw(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                       "\r\nAuthorization: Bearer " + kToken + "\r\nConnection: close\r\n" + headers +
                       "\r\n");
}

std::string error_code(const std::string& body) {
  return Json::parse(body)["error"]["code"];
}

}  // namespace

TEST_CASE("every endpoint answers through a socket", "[http_server]") {
  Running server;
  auto client = server.client();
  const auto search = client.Get("/api/search?q=espionage&n=2", Running::auth());
  REQUIRE(search);
  CHECK(search->status == 200);
  const Json result = Json::parse(search->body);
  CHECK(result["total"] == 5);
  const std::string id = std::to_string(result["hits"][0]["id"].get<unsigned>());
  for (const std::string& path :
       {"/api/documents/" + id + "?q=espionage", "/api/similar/" + id, std::string("/api/stats"),
        std::string("/api/entities?kind=country&prefix=n"), std::string("/api/health")}) {
    const auto answer = client.Get(path.c_str(), Running::auth());
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK(answer->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK(answer->get_header_value("Cache-Control") == "no-store");
    CHECK_NOTHROW(Json::parse(answer->body));
  }
  const auto csv = client.Get("/api/export.csv?q=espionage", Running::auth());
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->get_header_value("Transfer-Encoding") == "chunked");
  CHECK(std::count(csv->body.begin(), csv->body.end(), '\n') == 6);
  const auto jsonl = client.Get("/api/export.jsonl?q=espionage", Running::auth());
  REQUIRE(jsonl);
  CHECK(std::count(jsonl->body.begin(), jsonl->body.end(), '\n') == 5);
  const auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("<title>Dossier</title>") != std::string::npos);
  const auto head = client.Head("/app.js");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
  const auto missing = client.Get("/api/documents/424242", Running::auth());
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(error_code(missing->body) == "not_found");
  const auto bad = client.Get("/api/search?q=%28espionage", Running::auth());
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(Json::parse(bad->body)["error"]["column"] == 1);
}

TEST_CASE("the watch endpoints answer through a socket, names percent-encoded, errors as JSON",
          "[http_server][watches]") {
  Running server;
  dossier::analysis::Watch watch;
  watch.name = "espionage in Norway/Arctic";
  watch.query = "espionage";
  watch.countries = {"NO"};
  dossier::indexer::add_watch({server.database()}, watch);
  auto client = server.client();
  const auto list = client.Get("/api/watches", Running::auth());
  REQUIRE(list);
  CHECK(list->status == 200);
  CHECK(list->get_header_value("Cache-Control") == "no-store");
  const Json watches = Json::parse(list->body)["watches"];
  REQUIRE(watches.size() == 1);
  CHECK(watches[0]["name"] == "espionage in Norway/Arctic");
  CHECK(watches[0]["new"] == 1);
  const auto one = client.Get("/api/watches/espionage%20in%20Norway%2FArctic?n=5", Running::auth());
  REQUIRE(one);
  CHECK(one->status == 200);
  const Json matches = Json::parse(one->body);
  CHECK(matches["new"] == 1);
  CHECK(matches["hits"].size() == 1);
  for (const char* target : {"/api/watches/nobody", "/api/watches/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                             "/api/watches/a%00b", "/api/watches/%1b%5b31m"}) {
    INFO(target);
    const auto missing = client.Get(target, Running::auth());
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(error_code(missing->body) == "not_found");
  }
  const auto without = client.Get("/api/watches");
  REQUIRE(without);
  CHECK(without->status == 401);
}

TEST_CASE("every answer carries the security headers", "[http_server]") {
  Running server;
  auto client = server.client();
  for (const auto& answer :
       {client.Get("/"), client.Get("/api/search?q=x", Running::auth()), client.Get("/nothing")}) {
    REQUIRE(answer);
    CHECK(answer->get_header_value("Content-Security-Policy")
              .starts_with("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; "
                           "frame-ancestors 'none'"));
    CHECK(answer->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(answer->get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(answer->get_header_value("Accept-Ranges") == "none");
  }
}

TEST_CASE("the API needs the token; the page and the health check do not", "[http_server]") {
  Running server;
  auto client = server.client();
  const auto without = client.Get("/api/search?q=espionage");
  REQUIRE(without);
  CHECK(without->status == 401);
  CHECK(without->get_header_value("WWW-Authenticate") == "Bearer");
  CHECK(error_code(without->body) == "unauthorized");
  const auto wrong = client.Get("/api/stats", {{"Authorization", "Bearer 00000000000000000000000000000000"}});
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  CHECK(client.Get("/api/health")->status == 200);
  CHECK(client.Get("/")->status == 200);
}

TEST_CASE("a Host header naming another site is refused", "[http_server]") {
  Running server;
  const std::string answer = raw(
      server.port(), "GET /api/health HTTP/1.1\r\nHost: attacker.example:" + std::to_string(server.port()) +
                         "\r\nConnection: close\r\n\r\n");
  CHECK(status_line(answer) == "HTTP/1.1 400 Bad Request");
  CHECK(error_code(body_of(answer)) == "bad_host");
  const std::string none = raw(server.port(), "GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n");
  CHECK(status_line(none) == "HTTP/1.1 400 Bad Request");
}

TEST_CASE("methods other than GET and HEAD are refused", "[http_server]") {
  Running server;
  auto client = server.client();
  const auto post =
      client.Post("/api/search", Running::auth(), "q=espionage", "application/x-www-form-urlencoded");
  REQUIRE(post);
  CHECK(post->status == 405);
  CHECK(post->get_header_value("Allow") == "GET, HEAD");
  CHECK(error_code(post->body) == "method_not_allowed");
  CHECK(client.Put("/api/search", Running::auth(), "", "text/plain")->status == 405);
  CHECK(client.Delete("/api/documents/1", Running::auth())->status == 405);
  CHECK(client.Options("/", Running::auth())->status == 405);
}

TEST_CASE("paths outside the embedded files find nothing", "[http_server]") {
  Running server;
  for (const char* target :
       {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "//etc/passwd",
        "/app.js/..", "/web/index.html", "/%00"}) {
    const std::string answer = raw_get(server.port(), target);
    INFO(target);
    CHECK(status_line(answer) == "HTTP/1.1 404 Not Found");
    CHECK(body_of(answer).find("root:") == std::string::npos);
  }
}

TEST_CASE("Range requests get the whole 416 error, never a slice", "[http_server]") {
  Running server;
  for (const char* range : {"bytes=0-3", "bytes=0-10,0-10,0-10,0-10", "bytes=5-", "bytes=abc"}) {
    const std::string answer = raw_get(server.port(), "/app.js", std::string("Range: ") + range + "\r\n");
    INFO(range);
    CHECK(status_line(answer) == "HTTP/1.1 416 Range Not Satisfiable");
    CHECK(answer.find("Content-Range") == std::string::npos);
    const std::string body = body_of(answer);
    CHECK(error_code(body) == "range_not_supported");
    CHECK(answer.find("Content-Length: " + std::to_string(body.size()) + "\r\n") != std::string::npos);
  }
}

TEST_CASE("oversized request lines and headers and request bodies are refused", "[http_server]") {
  Running server;
  const std::string long_url = raw_get(server.port(), "/api/search?q=" + std::string(9000, 'a'));
  CHECK(status_line(long_url) == "HTTP/1.1 414 URI Too Long");
  CHECK(error_code(body_of(long_url)) == "uri_too_long");
  const std::string padding = "X-Padding: " + std::string(6000, 'a') + "\r\n";
  const std::string big_headers = raw_get(server.port(), "/api/health", padding + padding + padding);
  CHECK(status_line(big_headers) == "HTTP/1.1 431 Request Header Fields Too Large");
  CHECK(error_code(body_of(big_headers)) == "headers_too_large");
  const std::string with_body = raw_get(server.port(), "/api/health", "Content-Length: 5\r\n\r\nhello");
  CHECK(status_line(with_body) == "HTTP/1.1 413 Payload Too Large");
  CHECK(error_code(body_of(with_body)) == "body_not_allowed");
}

TEST_CASE("a full queue answers 503 with Retry-After", "[http_server]") {
  Running server(1, 1);
  dossier::testing::JobGate blocker;
  std::thread worker([&] { server.pool().run([&](dossier::searcher::Searcher&) { blocker.hold(); }); });
  blocker.wait_until_held();
  std::thread queued([&] { server.pool().run([](dossier::searcher::Searcher&) {}); });
  while (server.pool().waiting() < 1)
    std::this_thread::yield();
  auto client = server.client();
  const auto busy = client.Get("/api/search?q=espionage", Running::auth());
  REQUIRE(busy);
  CHECK(busy->status == 503);
  CHECK(busy->get_header_value("Retry-After") == "1");
  CHECK(error_code(busy->body) == "busy");
  blocker.release();
  worker.join();
  queued.join();
  const auto later = client.Get("/api/search?q=espionage", Running::auth());
  REQUIRE(later);
  CHECK(later->status == 200);
}

TEST_CASE("a stop lets the request in flight finish, refuses new ones, then returns", "[http_server]") {
  Running server(1, 4);
  dossier::testing::JobGate blocker;
  std::thread worker([&] { server.pool().run([&](dossier::searcher::Searcher&) { blocker.hold(); }); });
  blocker.wait_until_held();
  int in_flight_status = 0;
  std::thread request([&] {
    auto client = server.client();
    const auto answer = client.Get("/api/search?q=espionage", Running::auth());
    in_flight_status = answer ? answer->status : -1;
  });
  while (server.pool().waiting() < 1)  // the search waits for the held worker
    std::this_thread::yield();
  server.server().stop();
  const std::string refused = raw_get(server.port(), "/api/health");
  CHECK(status_line(refused) == "HTTP/1.1 503 Service Unavailable");
  CHECK(error_code(body_of(refused)) == "shutting_down");
  blocker.release();
  worker.join();
  request.join();
  CHECK(in_flight_status == 200);
  server.join();  // serve() returned
}

TEST_CASE("each request is logged once with its method, target and status", "[http_server]") {
  Running server;
  auto client = server.client();
  client.Get("/api/search?q=espionage", Running::auth());
  client.Get("/api/stats");
  std::vector<RequestLog> log;
  // The line is written after the answer: wait for it.
  while ((log = server.log()).size() < 2)
    std::this_thread::yield();
  CHECK(log[0].method == "GET");
  CHECK(log[0].target == "/api/search?q=espionage");
  CHECK(log[0].status == 200);
  CHECK(log[0].milliseconds >= 0);
  CHECK(log[1].status == 401);
  for (const RequestLog& line : log)
    CHECK(line.target.find(kToken) == std::string::npos);
}

TEST_CASE("a non-loopback address is refused without a token", "[http_server]") {
  const dossier::testing::ReportIndex index;
  SearchPool pool({index.database()}, {1, 1});
  ResultCache cache(0);
  const ApiRoutes routes(pool, cache, ApiOptions{});
  ServerOptions options;
  options.host = "0.0.0.0";
  options.port = 0;
  CHECK_THROWS_AS(HttpServer(options, routes, nullptr), dossier::server::ServerError);
  options.host = "127.0.0.1";
  const HttpServer loopback(options, routes, nullptr);
  CHECK(loopback.port() > 0);
  CHECK(loopback.page_url() == "http://127.0.0.1:" + std::to_string(loopback.port()) + "/");
  options.token = kToken;
  const HttpServer with_token(options, routes, nullptr);
  CHECK(with_token.page_url() ==
        "http://127.0.0.1:" + std::to_string(with_token.port()) + "/#token=" + kToken);
}
