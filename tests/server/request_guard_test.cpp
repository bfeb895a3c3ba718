#include "dossier/server/request_guard.h"

#include <catch2/catch.hpp>
#include <set>

using dossier::server::check_request;
using dossier::server::GuardPolicy;
using dossier::server::RequestHead;

namespace {

GuardPolicy policy() {
  GuardPolicy policy;
  policy.token = "0123456789abcdef0123456789abcdef";
  policy.host_names = {"127.0.0.1", "localhost", "[::1]"};
  policy.port = 8080;
  return policy;
}

RequestHead get(std::string path, dossier::server::HeaderList headers = {}) {
  headers.emplace_back("Host", "127.0.0.1:8080");
  return {"GET", std::move(path), std::move(headers)};
}

RequestHead with_token(std::string path) {
  return get(std::move(path), {{"Authorization", "Bearer 0123456789abcdef0123456789abcdef"}});
}

// The code of the refusal, or "ok".
std::string verdict(const RequestHead& head, const GuardPolicy& rules = policy()) {
  const auto error = check_request(head, rules);
  return error ? std::to_string(error->status()) + " " + error->code() : "ok";
}

}  // namespace

TEST_CASE("the API needs the token, the page and the health check do not", "[request_guard]") {
  CHECK(verdict(with_token("/api/search")) == "ok");
  CHECK(verdict(get("/api/search")) == "401 unauthorized");
  CHECK(verdict(get("/api/search", {{"Authorization", "Bearer 0123456789abcdef0123456789abcdee"}})) ==
        "401 unauthorized");
  CHECK(verdict(get("/api/search", {{"Authorization", "Bearer 0123456789abcdef0123456789abcdef0"}})) ==
        "401 unauthorized");
  CHECK(verdict(get("/api/search", {{"Authorization", "Basic 0123456789abcdef0123456789abcdef"}})) ==
        "401 unauthorized");
  CHECK(verdict(get("/api/search", {{"authorization", "bearer 0123456789abcdef0123456789abcdef"}})) == "ok");
  CHECK(verdict(get("/")) == "ok");
  CHECK(verdict(get("/app.js")) == "ok");
  CHECK(verdict(get("/api/health")) == "ok");
  GuardPolicy open = policy();
  open.token.reset();
  CHECK(verdict(get("/api/search"), open) == "ok");
}

TEST_CASE("only GET and HEAD are served", "[request_guard]") {
  for (const char* method : {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"}) {
    RequestHead head = with_token("/api/search");
    head.method = method;
    CHECK(verdict(head) == "405 method_not_allowed");
  }
  RequestHead head = with_token("/api/search");
  head.method = "HEAD";
  CHECK(verdict(head) == "ok");
}

TEST_CASE("the Host header must name this server and its port", "[request_guard]") {
  const auto host = [](std::string value) {
    return RequestHead{"GET", "/api/health", {{"Host", std::move(value)}}};
  };
  for (const char* good : {"127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080"})
    CHECK(verdict(host(good)) == "ok");
  // A site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name.
  for (const char* bad : {"evil.example:8080", "127.0.0.1:8081", "127.0.0.1", "localhost.:8080",
                          "127.0.0.2:8080", "", ":8080", "127.0.0.1:80x", "[::1]"})
    CHECK(verdict(host(bad)) == "400 bad_host");
  CHECK(verdict({"GET", "/api/health", {}}) == "400 bad_host");
  GuardPolicy wildcard = policy();
  wildcard.host_names = {"localhost", "reports.example"};
  wildcard.any_address = true;
  CHECK(verdict(host("192.168.1.20:8080"), wildcard) == "ok");
  CHECK(verdict(host("[fe80::1]:8080"), wildcard) == "ok");
  CHECK(verdict(host("reports.example:8080"), wildcard) == "ok");
  CHECK(verdict(host("evil.example:8080"), wildcard) == "400 bad_host");
}

TEST_CASE("Range requests are refused before anything else", "[request_guard]") {
  CHECK(verdict(with_token("/app.js")) == "ok");
  RequestHead head = with_token("/app.js");
  head.headers.emplace_back("Range", "bytes=0-10,5-20");
  CHECK(verdict(head) == "416 range_not_supported");
  head.method = "POST";
  CHECK(verdict(head) == "416 range_not_supported");
}

TEST_CASE("requests with a body or too many header bytes are refused", "[request_guard]") {
  CHECK(verdict(get("/", {{"Content-Length", "5"}})) == "413 body_not_allowed");
  CHECK(verdict(get("/", {{"Transfer-Encoding", "chunked"}})) == "413 body_not_allowed");
  CHECK(verdict(get("/", {{"Content-Length", "0"}})) == "ok");
  CHECK(verdict(get("/", {{"X-Padding", std::string(17 * 1024, 'a')}})) == "431 headers_too_large");
  dossier::server::HeaderList many;
  for (int i = 0; i < 70; ++i)
    many.emplace_back("X-" + std::to_string(i), "1");
  CHECK(verdict(get("/", many)) == "431 headers_too_large");
}

TEST_CASE("loopback and wildcard addresses are told apart", "[request_guard]") {
  for (const char* loopback : {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"})
    CHECK(dossier::server::is_loopback_host(loopback));
  for (const char* other : {"0.0.0.0", "192.168.1.2", "::", "example.com", "128.0.0.1"})
    CHECK_FALSE(dossier::server::is_loopback_host(other));
  CHECK(dossier::server::is_wildcard_host("0.0.0.0"));
  CHECK(dossier::server::is_wildcard_host("::"));
  CHECK_FALSE(dossier::server::is_wildcard_host("127.0.0.1"));
}

TEST_CASE("tokens are 32 hexadecimal digits and differ every time", "[request_guard]") {
  std::set<std::string> tokens;
  for (int i = 0; i < 100; ++i) {
    const std::string token = dossier::server::make_token();
    CHECK(token.size() == 32);
    CHECK(token.find_first_not_of("0123456789abcdef") == std::string::npos);
    tokens.insert(token);
  }
  CHECK(tokens.size() == 100);
}
