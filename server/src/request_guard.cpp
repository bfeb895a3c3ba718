#include "dossier/server/request_guard.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <random>

namespace dossier::server {
namespace {

bool same_letters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Compares every byte whatever the first difference, so the time taken says nothing about the token.
bool same_secret(std::string_view given, std::string_view secret) {
  unsigned char difference = given.size() == secret.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i)
    difference |= static_cast<unsigned char>(given[i] ^ secret[i % std::max<std::size_t>(1, secret.size())]);
  return difference == 0;
}

bool is_address_literal(std::string_view host) {
  unsigned char buffer[16];
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    const std::string inner(host.substr(1, host.size() - 2));
    return inet_pton(AF_INET6, inner.c_str(), buffer) == 1;
  }
  return inet_pton(AF_INET, std::string(host).c_str(), buffer) == 1;
}

// "name:port", "[v6]:port" or a name alone (port 80): the name in lower case and the port.
std::optional<std::pair<std::string, int>> split_host(std::string_view value) {
  std::string_view name = value;
  int port = 80;
  const std::size_t colon = value.rfind(':');
  const bool bracketed = !value.empty() && value.front() == '[';
  if (colon != std::string_view::npos && (!bracketed || colon > value.rfind(']'))) {
    const std::string_view digits = value.substr(colon + 1);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    name = value.substr(0, colon);
  }
  if (name.empty()) return std::nullopt;
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::pair{lower, port};
}

bool host_allowed(std::string_view value, const GuardPolicy& policy) {
  const auto host = split_host(value);
  if (!host || host->second != policy.port) return false;
  if (std::find(policy.host_names.begin(), policy.host_names.end(), host->first) != policy.host_names.end()) {
    return true;
  }
  return policy.any_address && is_address_literal(host->first);
}

bool has_body(const HeaderList& headers) {
  if (header_value(headers, "Transfer-Encoding")) return true;
  const auto length = header_value(headers, "Content-Length");
  return length && length->find_first_not_of("0") != std::string_view::npos;
}

bool headers_too_large(const HeaderList& headers, const GuardPolicy& policy) {
  std::size_t bytes = 0;
  for (const auto& [name, value] : headers)
    bytes += name.size() + value.size();
  return headers.size() > policy.max_headers || bytes > policy.max_header_bytes;
}

bool authorized(const HeaderList& headers, const std::string& token) {
  const auto value = header_value(headers, "Authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (!value || value->size() < kScheme.size() || !same_letters(value->substr(0, kScheme.size()), kScheme)) {
    return false;
  }
  return same_secret(value->substr(kScheme.size()), token);
}

}  // namespace

std::optional<std::string_view> header_value(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (same_letters(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<ApiError> check_request(const RequestHead& head, const GuardPolicy& policy) {
  // First: httplib has already cut the body of any answer to a Range request, so whatever the
  // request is, the answer is this error (rebuilt whole on the way out).
  if (header_value(head.headers, "Range")) {
    return ApiError(416, "range_not_supported", "Range requests are not served");
  }
  if (head.method != "GET" && head.method != "HEAD") {
    return ApiError(405, "method_not_allowed", "only GET and HEAD are served, not " + head.method);
  }
  if (has_body(head.headers)) return ApiError(413, "body_not_allowed", "requests must not have a body");
  if (headers_too_large(head.headers, policy)) {
    return ApiError(431, "headers_too_large",
                    "at most " + std::to_string(policy.max_headers) + " headers of " +
                        std::to_string(policy.max_header_bytes) + " bytes together");
  }
  const auto host = header_value(head.headers, "Host");
  if (!host || !host_allowed(*host, policy)) {
    return ApiError(400, "bad_host", "the Host header does not name this server");
  }
  const bool api = head.path.rfind("/api/", 0) == 0 && head.path != "/api/health";
  if (api && policy.token && !authorized(head.headers, *policy.token)) {
    return ApiError(401, "unauthorized",
                    "missing or wrong access token: open the address 'dossier serve' printed");
  }
  return std::nullopt;
}

bool is_loopback_host(std::string_view host) {
  if (same_letters(host, "localhost")) return true;
  std::string literal(host);
  if (literal.size() > 2 && literal.front() == '[' && literal.back() == ']')
    literal = literal.substr(1, literal.size() - 2);
  unsigned char address[16];
  if (inet_pton(AF_INET, literal.c_str(), address) == 1) return address[0] == 127;
  if (inet_pton(AF_INET6, literal.c_str(), address) == 1) {
    return std::all_of(address, address + 15, [](unsigned char b) { return b == 0; }) && address[15] == 1;
  }
  return false;
}

bool is_wildcard_host(std::string_view host) {
  return host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]";
}

std::string make_token() {
  std::random_device source;
  constexpr char kDigits[] = "0123456789abcdef";
  std::string token;
  for (int i = 0; i < 4; ++i) {
    const std::uint32_t word = source();
    for (int shift = 28; shift >= 0; shift -= 4)
      token.push_back(kDigits[(word >> shift) & 0xF]);
  }
  return token;
}

}  // namespace dossier::server
