/// \file
/// The query-string parameters of the HTTP API, checked and turned into searcher requests. Every
/// endpoint names the parameters it takes; anything else, a parameter given twice that can be
/// given once, or a value out of range is a 400 naming the parameter.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/searcher/entity_listing.h"
#include "dossier/searcher/searcher.h"

namespace dossier::server {

/// Decoded query-string parameters, in order, repeated names kept.
using QueryParams = std::multimap<std::string, std::string>;

/// Reads one endpoint's parameters. Throws `ApiError` (400, "bad_parameter") from the constructor
/// for a name not in `single` or `repeatable` or a `single` one given twice, and from the getters
/// for a value they cannot read.
class ParamReader {
 public:
  ParamReader(const QueryParams& params, const std::vector<std::string_view>& single,
              const std::vector<std::string_view>& repeatable = {});

  /// The value, or none when the parameter is absent.
  std::optional<std::string> text(std::string_view name) const;
  /// Every value of a repeatable parameter, empty ones left out.
  std::vector<std::string> list(std::string_view name) const;
  /// A whole number from 0 to `max`, or `fallback` when absent.
  std::size_t number(std::string_view name, std::size_t fallback, std::size_t max) const;
  /// "1", "true", "yes" or "" (present without a value) are true; "0", "false", "no" false; absent
  /// is false.
  bool flag(std::string_view name) const;
  /// A date "YYYY", "YYYY-MM" or "YYYY-MM-DD", or none when absent.
  std::optional<analysis::DocumentDate> date(std::string_view name) const;

 private:
  const QueryParams& params_;
};

/// The single-valued parameters `search_request` reads, followed by `extra` (paging: "n",
/// "offset").
std::vector<std::string_view> search_params(std::initializer_list<std::string_view> extra = {});
/// Repeatable search parameters: each value must match (country, actor) or any may (lang, type).
std::vector<std::string_view> search_list_params();

/// A `SearchRequest` from `reader`: `q` (the query language; "" lists everything the filters
/// keep, "*" when there are none), `any`, `exact`, `sort` (relevance or date), `country`, `actor`,
/// `lang`, `type`, `since`, `until`, `undated`, `facet_limit` (default 20). `limit` and `offset`
/// are left for the caller.
searcher::SearchRequest search_request(const ParamReader& reader);

/// The entity list of `GET /api/entities?kind=&prefix=&n=`: `kind` is "country", "actor"
/// (default) or an actor kind ("threat-group", "intelligence-agency"...); `n` from 1 to 100
/// (default 20).
searcher::EntityListRequest entity_list_request(const ParamReader& reader);

/// A document id from the last path segment ("42"): digits only, 1 to 2^32 - 1. Throws
/// `ApiError` (404) for anything else, so no path from a request ever reaches the file system.
unsigned document_id(std::string_view segment);

/// A watch name from the last path segment of `/api/watches/NAME` (already percent-decoded): what
/// `analysis::watch_name_problem` accepts (1 to 100 bytes of UTF-8, no control character). Throws
/// `ApiError` (404) naming the problem for anything else, since no watch can have that name.
std::string watch_name(std::string_view segment);

}  // namespace dossier::server
