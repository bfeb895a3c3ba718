#include "dossier/searcher/result_format.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "dossier/analysis/printable.h"
#include "dossier/analysis/utf8.h"

namespace dossier::searcher {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kPath = "\x1b[35m";
constexpr std::string_view kReset = "\x1b[0m";

std::string shown_path(const std::string& path, const std::filesystem::path& base) {
  if (!base.empty()) {
    const std::filesystem::path relative = std::filesystem::path(path).lexically_relative(base);
    if (!relative.empty() && *relative.begin() != "..") return analysis::printable(relative.native());
  }
  return analysis::printable(path);
}

// Snippet text with highlights wrapped in `open`/`close`; `escape` transforms the plain parts.
template <typename Escape>
std::string mark_snippet(const Snippet& snippet, std::string_view open, std::string_view close,
                         Escape escape) {
  std::string out;
  std::size_t at = 0;
  for (const HighlightSpan& span : snippet.highlights) {
    out += escape(std::string_view(snippet.text).substr(at, span.begin - at));
    out += open;
    out += escape(std::string_view(snippet.text).substr(span.begin, span.end - span.begin));
    out += close;
    at = span.end;
  }
  out += escape(std::string_view(snippet.text).substr(at));
  return out;
}

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

// "     2  China (CN)" lines under a heading.
// How a facet value is written in a table row.
enum class FacetRow {
  Coded,  // "China (CN)", "Norwegian (no)"
  Actor,  // "Ministry of State Security [intelligence-agency, CN]"
  Bare,   // "2024", "pdf"
};

std::string facet_table(std::string_view heading, const std::vector<FacetValue>& values, FacetRow row) {
  std::string out(heading);
  out += values.empty() ? ": none\n" : ":\n";
  for (const FacetValue& value : values) {
    char count[32];
    std::snprintf(count, sizeof count, "%6zu  ", value.count);
    out += count + analysis::printable(value.name);
    if (row == FacetRow::Actor) {
      out += " [" + std::string(analysis::actor_kind_name(value.kind)) +
             (value.country.empty() ? "" : ", " + value.country) + "]";
    } else if (row == FacetRow::Coded) {
      out += " (" + value.value + ")";
    }
    out += "\n";
  }
  return out;
}

nlohmann::ordered_json plain_facet(const std::vector<FacetValue>& values) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const FacetValue& v : values)
    out.push_back({{"value", v.value}, {"name", v.name}, {"count", v.count}});
  return out;
}

nlohmann::ordered_json or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(text);
}

// "2024-03 · Britt Verregghen · en · p. 2": what is known about a hit besides its path.
std::string details(const SearchHit& hit) {
  std::string out;
  const auto add = [&out](const std::string& part) {
    if (!part.empty()) out += (out.empty() ? "" : " \u00b7 ") + part;
  };
  add(hit.date);
  add(analysis::printable(hit.author));
  add(hit.language);
  if (hit.page > 0) add("p. " + std::to_string(hit.page));
  return out;
}

nlohmann::ordered_json facets_json(const Facets& facets) {
  nlohmann::ordered_json countries = nlohmann::ordered_json::array();
  for (const FacetValue& v : facets.countries) {
    countries.push_back({{"value", v.value}, {"name", v.name}, {"count", v.count}});
  }
  nlohmann::ordered_json actors = nlohmann::ordered_json::array();
  for (const FacetValue& v : facets.actors) {
    actors.push_back({{"value", v.value},
                      {"name", v.name},
                      {"kind", analysis::actor_kind_name(v.kind)},
                      {"country", v.country},
                      {"count", v.count}});
  }
  return {{"country", std::move(countries)},
          {"actor", std::move(actors)},
          {"year", plain_facet(facets.years)},
          {"language", plain_facet(facets.languages)},
          {"type", plain_facet(facets.types)}};
}

}  // namespace

std::string format_text(const SearchResult& result, const TextStyle& style) {
  std::string out;
  const auto paint = [&style](std::string_view code, const std::string& text) {
    return style.color ? std::string(code) + text + std::string(kReset) : text;
  };
  for (const SearchHit& hit : result.hits) {
    const std::string title = hit.title.empty() ? "(untitled)" : analysis::printable(hit.title);
    out += paint(kBold, std::to_string(hit.rank) + ". " + title) + "\n";
    const std::string more = details(hit);
    out += "   " + paint(kPath, shown_path(hit.path, style.base_directory)) +
           (more.empty() ? "" : "  " + more) + "\n";
    if (!hit.snippet.text.empty()) {
      const auto plain = [](std::string_view text) { return analysis::printable(text); };
      out += "   " +
             (style.color ? mark_snippet(hit.snippet, kMatch, kReset, plain) : plain(hit.snippet.text)) +
             "\n";
    }
  }
  if (style.facets) {
    out += facet_table("countries (documents)", result.facets.countries, FacetRow::Coded);
    out += facet_table("actors (documents)", result.facets.actors, FacetRow::Actor);
    out += facet_table("years (documents)", result.facets.years, FacetRow::Bare);
    out += facet_table("languages (documents)", result.facets.languages, FacetRow::Coded);
    out += facet_table("types (documents)", result.facets.types, FacetRow::Bare);
  }
  return out;
}

std::string format_json(const SearchResult& result) {
  nlohmann::ordered_json hits = nlohmann::ordered_json::array();
  for (const SearchHit& hit : result.hits) {
    hits.push_back({{"rank", hit.rank},
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
                    {"page", hit.page > 0 ? nlohmann::ordered_json(hit.page) : nlohmann::ordered_json()}});
  }
  const nlohmann::ordered_json json = {{"query", analysis::repair_utf8(result.query)},
                                       {"total", result.total},
                                       {"offset", result.offset},
                                       {"hits", std::move(hits)},
                                       {"facets", facets_json(result.facets)}};
  // Replacing (not throwing on) bad UTF-8 is a second guard: the fields above are repaired already.
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace dossier::searcher
