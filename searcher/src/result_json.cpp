// JSON and JSON-lines renderings of search results (declared in result_format.h).
#include <cmath>

#include "dossier/analysis/printable.h"
#include "dossier/analysis/utf8.h"
#include "dossier/searcher/result_format.h"
#include "hit_json.h"
#include "snippet_marks.h"

namespace dossier::searcher {
namespace {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

double rounded(double score) {
  return std::round(score * 1000.0) / 1000.0;
}

Json or_null(const std::string& text) {
  return text.empty() ? Json() : Json(text);
}

Json timeline_json(const Timeline& timeline) {
  const auto counts = [](const std::vector<TimelineCount>& periods) {
    Json out = Json::array();
    for (const TimelineCount& period : periods)
      out.push_back({{"value", period.value}, {"count", period.count}});
    return out;
  };
  return {
      {"months", counts(timeline.months)}, {"years", counts(timeline.years)}, {"undated", timeline.undated}};
}

bool explained(const SearchResult& result) {
  return !result.xapian_query.empty();
}

}  // namespace

Json facets_json(const Facets& facets) {
  return {{"country", facet_values_json(facets.countries, FacetFields::Plain)},
          {"actor", facet_values_json(facets.actors, FacetFields::Actor)},
          {"year", facet_values_json(facets.years, FacetFields::Plain)},
          {"language", facet_values_json(facets.languages, FacetFields::Plain)},
          {"type", facet_values_json(facets.types, FacetFields::Plain)}};
}

Json hit_json(const SearchHit& hit, bool explain) {
  Json json = {{"rank", hit.rank},
               {"id", hit.id},
               {"score", rounded(hit.score)},
               {"path", analysis::repair_utf8(hit.path)},
               {"title", analysis::repair_utf8(hit.title)},
               {"snippet", mark_snippet(hit.snippet, "<b>", "</b>", html_escape)},
               {"countries", hit.countries},
               {"actors", hit.actors},
               {"format", hit.format},
               {"date", or_null(hit.date)},
               {"author", or_null(analysis::repair_utf8(hit.author))},
               {"language", or_null(hit.language)},
               {"page", hit.page > 0 ? Json(hit.page) : Json()},
               {"matched_aliases", hit.matched_aliases}};
  if (explain) {
    Json terms = Json::array();
    for (const TermWeight& t : hit.explanation)
      terms.push_back({{"term", analysis::repair_utf8(t.term)}, {"weight", rounded(t.weight)}});
    json["explain"] = std::move(terms);
  }
  return json;
}

// Replacing (not throwing on) bad UTF-8 is a second guard: the fields are repaired already.
std::string dump_json(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

nlohmann::ordered_json facet_values_json(const std::vector<FacetValue>& values, FacetFields fields) {
  Json out = Json::array();
  for (const FacetValue& v : values) {
    if (fields == FacetFields::Plain) {
      out.push_back({{"value", v.value}, {"name", v.name}, {"count", v.count}});
      continue;
    }
    out.push_back({{"value", v.value},
                   {"name", v.name},
                   {"kind", analysis::actor_kind_name(v.kind)},
                   {"country", v.country},
                   {"count", v.count}});
  }
  return out;
}

nlohmann::ordered_json search_result_json(const SearchResult& result) {
  Json hits = Json::array();
  for (const SearchHit& hit : result.hits)
    hits.push_back(hit_json(hit, explained(result)));
  Json json = {{"version", kJsonVersion},
               {"query", analysis::repair_utf8(result.query)},
               {"total", result.total},
               {"offset", result.offset},
               {"suggestion", or_null(result.suggestion)},
               {"hits", std::move(hits)},
               {"facets", facets_json(result.facets)}};
  if (explained(result)) {
    Json like = Json::array();
    for (const std::string& term : result.like_terms)
      like.push_back(analysis::repair_utf8(term));
    json["explain"] = {{"parsed", or_null(analysis::repair_utf8(result.parsed_query))},
                       {"xapian", analysis::repair_utf8(result.xapian_query)},
                       {"like_terms", std::move(like)}};
  }
  if (result.timeline) json["timeline"] = timeline_json(*result.timeline);
  return json;
}

std::string format_json(const SearchResult& result) {
  return dump_json(search_result_json(result));
}

std::string format_json_line(const SearchHit& hit, bool explain) {
  return dump_json(hit_json(hit, explain)) + "\n";
}

std::string format_json_lines(const SearchResult& result) {
  std::string out;
  for (const SearchHit& hit : result.hits)
    out += format_json_line(hit, explained(result));
  return out;
}

std::string format_path(const SearchHit& hit, PathStyle style) {
  switch (style) {
    case PathStyle::Null:
      return hit.path + '\0';
    case PathStyle::Lines:
      if (hit.path.find('\n') == std::string::npos) return hit.path + '\n';
      break;
    case PathStyle::Printable:
      break;
  }
  return analysis::printable(hit.path) + '\n';
}

std::string format_paths(const SearchResult& result, bool raw) {
  std::string out;
  for (const SearchHit& hit : result.hits)
    out += format_path(hit, raw ? PathStyle::Lines : PathStyle::Printable);
  return out;
}

}  // namespace dossier::searcher
