#include "dossier/server/api_params.h"

#include <catch2/catch.hpp>

#include "dossier/server/api_error.h"

using dossier::server::ApiError;
using dossier::server::ParamReader;
using dossier::server::QueryParams;
using dossier::server::search_list_params;
using dossier::server::search_params;

namespace {

dossier::searcher::SearchRequest parsed(const QueryParams& params) {
  const ParamReader reader(params, search_params({"n", "offset"}), search_list_params());
  return dossier::server::search_request(reader);
}

// The status and message of the ApiError `action` throws.
template <class Action>
std::string refusal(Action action) {
  try {
    action();
  } catch (const ApiError& e) {
    return std::to_string(e.status()) + " " + e.code() + ": " + e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("search parameters become a search request", "[api_params]") {
  const auto request = parsed({{"q", "espionage"},
                               {"any", "1"},
                               {"exact", "true"},
                               {"sort", "date"},
                               {"country", "NO"},
                               {"country", "CN"},
                               {"actor", "APT28"},
                               {"lang", "no"},
                               {"type", "pdf"},
                               {"since", "2024-01"},
                               {"until", "2024"},
                               {"facet_limit", "5"}});
  CHECK(request.query == "espionage");
  CHECK(request.mode == dossier::searcher::MatchMode::Any);
  CHECK_FALSE(request.expand_aliases);
  CHECK(request.sort == dossier::searcher::SortOrder::Date);
  CHECK(request.countries == std::vector<std::string>{"NO", "CN"});
  CHECK(request.actors == std::vector<std::string>{"APT28"});
  CHECK(request.languages == std::vector<std::string>{"no"});
  CHECK(request.types == std::vector<std::string>{"pdf"});
  CHECK(request.since == dossier::analysis::make_date(2024, 1));
  CHECK(request.until == dossier::analysis::make_date(2024));
  CHECK(request.facet_limit == 5);
  CHECK_FALSE(request.undated_only);
}

TEST_CASE("a search without query or filter lists everything, with a filter only what it keeps",
          "[api_params]") {
  CHECK(parsed({}).query == "*");
  CHECK(parsed({{"q", "  "}}).query == "*");
  CHECK(parsed({{"country", "NO"}}).query.empty());
  CHECK(parsed({{"undated", "1"}}).query.empty());
}

TEST_CASE("unknown, repeated and malformed parameters are refused by name", "[api_params]") {
  CHECK(refusal([] { parsed({{"contry", "NO"}}); }) == "400 bad_parameter: unknown parameter 'contry'");
  CHECK(refusal([] { parsed({{"q", "a"}, {"q", "b"}}); }) == "400 bad_parameter: q: given more than once");
  CHECK(refusal([] {
          parsed({{"sort", "size"}});
        }) == "400 bad_parameter: sort: 'size' is not relevance or date");
  CHECK(refusal([] {
          parsed({{"since", "2024-13"}});
        }) == "400 bad_parameter: since: '2024-13' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK(refusal([] { parsed({{"any", "maybe"}}); }) == "400 bad_parameter: any: 'maybe' is not 1 or 0");
  const QueryParams params{{"n", "1001"}};
  const ParamReader reader(params, {"n"});
  CHECK(refusal([&] { reader.number("n", 10, 1000); }) ==
        "400 bad_parameter: n: '1001' is not a whole number from 0 to 1000");
  const QueryParams negative{{"n", "-1"}};
  CHECK(refusal([&] { ParamReader(negative, {"n"}).number("n", 10, 1000); }).starts_with("400"));
  CHECK(refusal([] { parsed({{"q", "x"}, {"country", "NO"}, {"country", "CN"}}); }) == "accepted");
}

TEST_CASE("flags read 1, true, yes and a bare name as on", "[api_params]") {
  const QueryParams params{{"a", ""}, {"b", "yes"}, {"c", "0"}, {"d", "false"}};
  const ParamReader reader(params, {"a", "b", "c", "d", "e"});
  CHECK(reader.flag("a"));
  CHECK(reader.flag("b"));
  CHECK_FALSE(reader.flag("c"));
  CHECK_FALSE(reader.flag("d"));
  CHECK_FALSE(reader.flag("e"));
}

TEST_CASE("entity lists take a kind, a prefix and a size", "[api_params]") {
  const auto list = [](const QueryParams& params) {
    return dossier::server::entity_list_request(ParamReader(params, {"kind", "prefix", "n"}));
  };
  CHECK(list({{"kind", "country"}}).type == dossier::searcher::EntityType::Country);
  CHECK(list({}).type == dossier::searcher::EntityType::Actor);
  CHECK(list({{"kind", "threat-group"}, {"prefix", "apt"}, {"n", "5"}}).kind ==
        dossier::analysis::ActorKind::ThreatGroup);
  CHECK(list({{"prefix", "apt"}}).prefix == "apt");
  CHECK(refusal([&] { list({{"kind", "planet"}}); }).starts_with("400 bad_parameter: kind: 'planet'"));
  CHECK(refusal([&] { list({{"n", "101"}}); }).starts_with("400"));
}

TEST_CASE("document ids are digits only, so no path can be asked for", "[api_params]") {
  CHECK(dossier::server::document_id("42") == 42);
  CHECK(dossier::server::document_id("4294967295") == 4294967295u);
  for (const char* bad :
       {"", "0", "-1", "+1", "1e3", "42/", "../etc/passwd", "4294967296", "99999999999999999999", " 1"}) {
    CHECK(refusal([&] { dossier::server::document_id(bad); }).starts_with("404 not_found"));
  }
}
