// Fuzzes what the server does with a request before any search runs: the guard (method, Host,
// Range, sizes, token), the query-string parameters of every endpoint and the document id of a
// path. The input is a request as the HTTP library hands it over, one part a line: "METHOD PATH",
// then the decoded query parameters "name=value&...", then headers "Name: value". Each check either
// passes or fails with an `ApiError` whose JSON answer parses; anything else is a finding.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/server/api_error.h"
#include "dossier/server/api_params.h"
#include "dossier/server/api_routes.h"
#include "dossier/server/request_guard.h"
#include "fuzz_support.h"

namespace {

using dossier::server::ApiError;

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

dossier::server::QueryParams params_of(std::string_view line) {
  dossier::server::QueryParams params;
  while (!line.empty()) {
    const std::string_view pair = line.substr(0, line.find('&'));
    const std::size_t equals = pair.find('=');
    params.emplace(std::string(pair.substr(0, equals)),
                   equals == std::string_view::npos ? std::string() : std::string(pair.substr(equals + 1)));
    line.remove_prefix(std::min(line.size(), pair.size() + 1));
  }
  return params;
}

// A failure the API answers: its status is an HTTP error and its body the documented JSON.
void check_answer(const ApiError& error) {
  dossier::fuzz::require(error.status() >= 400 && error.status() < 600, "an API error has an error status");
  const auto response = dossier::server::error_response(error);
  const auto json = nlohmann::json::parse(response.body, nullptr, false);
  dossier::fuzz::require(
      !json.is_discarded() && json.contains("error") && json["error"]["code"] == error.code(),
      "an API error answers with {\"error\": {\"code\", ...}}");
}

template <class Read>
void read_params(const dossier::server::QueryParams& params, const std::vector<std::string_view>& single,
                 const std::vector<std::string_view>& repeatable, Read read) {
  try {
    const dossier::server::ParamReader reader(params, single, repeatable);
    read(reader);
  } catch (const ApiError& error) {
    check_answer(error);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string_view> lines = lines_of(dossier::fuzz::as_text(data, size));
  dossier::server::RequestHead head;
  if (!lines.empty()) {
    const std::size_t space = lines[0].find(' ');
    head.method = std::string(lines[0].substr(0, space));
    if (space != std::string_view::npos) head.path = std::string(lines[0].substr(space + 1));
  }
  for (std::size_t i = 2; i < lines.size(); ++i) {
    const std::size_t colon = lines[i].find(':');
    head.headers.emplace_back(
        std::string(lines[i].substr(0, colon)),
        colon == std::string_view::npos ? std::string() : std::string(lines[i].substr(colon + 1)));
  }
  dossier::server::GuardPolicy policy;
  policy.token = "0123456789abcdef0123456789abcdef";
  policy.host_names = {"127.0.0.1", "localhost"};
  policy.port = 8080;
  if (const auto refused = dossier::server::check_request(head, policy)) {
    check_answer(*refused);
  } else {
    dossier::fuzz::require(head.method == "GET" || head.method == "HEAD", "only GET and HEAD pass the guard");
    dossier::fuzz::require(!dossier::server::header_value(head.headers, "Range"), "no Range header passes");
  }

  const dossier::server::QueryParams params = params_of(lines.size() > 1 ? lines[1] : std::string_view());
  read_params(params, dossier::server::search_params({"n", "offset"}), dossier::server::search_list_params(),
              [](const dossier::server::ParamReader& reader) {
                (void)dossier::server::search_request(reader);
                (void)reader.number("n", 10, 1000);
                (void)reader.number("offset", 0, 1'000'000);
              });
  read_params(params, {"kind", "prefix", "n"}, {}, [](const dossier::server::ParamReader& reader) {
    (void)dossier::server::entity_list_request(reader);
  });
  try {
    const std::string_view path = head.path;
    const unsigned id = dossier::server::document_id(path.substr(path.rfind('/') + 1));
    dossier::fuzz::require(id > 0, "a document id is positive");
  } catch (const ApiError& error) {
    check_answer(error);
  }
  return 0;
}
