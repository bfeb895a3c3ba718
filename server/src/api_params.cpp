#include "dossier/server/api_params.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "dossier/analysis/printable.h"
#include "dossier/analysis/watch.h"
#include "dossier/server/api_error.h"

namespace dossier::server {
namespace {

constexpr std::size_t kMaxFacetLimit = 10'000;
constexpr std::size_t kMaxEntities = 100;

ApiError bad_parameter(std::string_view name, const std::string& why) {
  return {400, "bad_parameter", std::string(name) + ": " + why};
}

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<std::size_t> whole_number(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

ParamReader::ParamReader(const QueryParams& params, const std::vector<std::string_view>& single,
                         const std::vector<std::string_view>& repeatable)
    : params_(params) {
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    const std::string& name = it->first;
    if (contains(repeatable, name)) continue;
    if (!contains(single, name)) {
      throw ApiError(400, "bad_parameter", "unknown parameter '" + analysis::printable(name) + "'");
    }
    if (params.count(name) > 1) throw bad_parameter(name, "given more than once");
  }
}

std::optional<std::string> ParamReader::text(std::string_view name) const {
  const auto it = params_.find(std::string(name));
  if (it == params_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> ParamReader::list(std::string_view name) const {
  std::vector<std::string> values;
  const auto [begin, end] = params_.equal_range(std::string(name));
  for (auto it = begin; it != end; ++it) {
    if (!it->second.empty()) values.push_back(it->second);
  }
  return values;
}

std::size_t ParamReader::number(std::string_view name, std::size_t fallback, std::size_t max) const {
  const std::optional<std::string> value = text(name);
  if (!value) return fallback;
  const std::optional<std::size_t> number = whole_number(*value);
  if (!number || *number > max) {
    throw bad_parameter(
        name, "'" + analysis::printable(*value) + "' is not a whole number from 0 to " + std::to_string(max));
  }
  return *number;
}

bool ParamReader::flag(std::string_view name) const {
  const std::optional<std::string> value = text(name);
  if (!value) return false;
  if (value->empty() || *value == "1" || *value == "true" || *value == "yes") return true;
  if (*value == "0" || *value == "false" || *value == "no") return false;
  throw bad_parameter(name, "'" + analysis::printable(*value) + "' is not 1 or 0");
}

std::optional<analysis::DocumentDate> ParamReader::date(std::string_view name) const {
  const std::optional<std::string> value = text(name);
  if (!value || value->empty()) return std::nullopt;
  if (auto date = analysis::parse_iso_date(*value)) return date;
  throw bad_parameter(
      name, "'" + analysis::printable(*value) + "' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
}

std::vector<std::string_view> search_params(std::initializer_list<std::string_view> extra) {
  std::vector<std::string_view> names = {"q",     "any",   "exact",   "sort",
                                         "since", "until", "undated", "facet_limit"};
  names.insert(names.end(), extra.begin(), extra.end());
  return names;
}

std::vector<std::string_view> search_list_params() {
  return {"country", "actor", "lang", "type"};
}

searcher::SearchRequest search_request(const ParamReader& reader) {
  searcher::SearchRequest request;
  request.query = reader.text("q").value_or("");
  request.mode = reader.flag("any") ? searcher::MatchMode::Any : searcher::MatchMode::All;
  request.expand_aliases = !reader.flag("exact");
  const std::string sort = reader.text("sort").value_or("relevance");
  if (sort != "relevance" && sort != "date") {
    throw bad_parameter("sort", "'" + analysis::printable(sort) + "' is not relevance or date");
  }
  request.sort = sort == "date" ? searcher::SortOrder::Date : searcher::SortOrder::Relevance;
  request.countries = reader.list("country");
  request.actors = reader.list("actor");
  request.languages = reader.list("lang");
  request.types = reader.list("type");
  request.since = reader.date("since");
  request.until = reader.date("until");
  request.undated_only = reader.flag("undated");
  request.facet_limit = reader.number("facet_limit", 20, kMaxFacetLimit);
  const bool filtered = !request.countries.empty() || !request.actors.empty() || !request.languages.empty() ||
                        !request.types.empty() || request.since || request.until || request.undated_only;
  // A page opened without a query shows the whole index, facets included.
  if (request.query.find_first_not_of(" \t\r\n") == std::string::npos && !filtered) request.query = "*";
  return request;
}

searcher::EntityListRequest entity_list_request(const ParamReader& reader) {
  searcher::EntityListRequest request;
  const std::string kind = reader.text("kind").value_or("actor");
  if (kind == "country") {
    request.type = searcher::EntityType::Country;
  } else if (kind != "actor") {
    request.kind = analysis::parse_actor_kind(kind);
    if (!request.kind) {
      throw bad_parameter("kind", "'" + analysis::printable(kind) +
                                      "' is not country, actor or an actor kind (threat-group, "
                                      "intelligence-agency, government...)");
    }
  }
  request.prefix = reader.text("prefix").value_or("");
  request.limit = std::max<std::size_t>(1, reader.number("n", 20, kMaxEntities));
  return request;
}

unsigned document_id(std::string_view segment) {
  const std::optional<std::size_t> number = segment.find_first_not_of("0123456789") == std::string_view::npos
                                                ? whole_number(segment)
                                                : std::nullopt;
  if (!number || *number == 0 || *number > std::numeric_limits<unsigned>::max()) {
    throw ApiError(404, "not_found", "no document with id '" + analysis::printable(segment) + "'");
  }
  return static_cast<unsigned>(*number);
}

std::string watch_name(std::string_view segment) {
  const std::string problem = analysis::watch_name_problem(segment);
  if (!problem.empty()) {
    throw ApiError(404, "not_found",
                   "no watch named '" + analysis::printable(segment) + "' (" + problem + ")");
  }
  return std::string(segment);
}

}  // namespace dossier::server
