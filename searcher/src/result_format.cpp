// Terminal text rendering of search results.
#include "dossier/searcher/result_format.h"

#include <cstdio>

#include "dossier/analysis/printable.h"
#include "snippet_marks.h"

namespace dossier::searcher {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kPath = "\x1b[35m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kSeparator = " \u00b7 ";
constexpr std::string_view kIndent = "   ";

std::string shown_path(const std::string& path, const std::filesystem::path& base) {
  if (!base.empty()) {
    const std::filesystem::path relative = std::filesystem::path(path).lexically_relative(base);
    if (!relative.empty() && *relative.begin() != "..") return analysis::printable(relative.native());
  }
  return analysis::printable(path);
}

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view code, const std::string& text) const {
    return color_ && !text.empty() ? std::string(code) + text + std::string(kReset) : text;
  }

 private:
  bool color_;
};

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// "CN NL BE" and "MSS, MIVD, FBI +4".
std::string entities(const SearchHit& hit) {
  std::vector<std::string> actors;
  for (std::size_t i = 0; i < hit.actors.size() && i < kShownActors; ++i)
    actors.push_back(analysis::printable(hit.actors[i]));
  std::string names = joined(actors, ", ");
  if (hit.actors.size() > kShownActors) names += " +" + std::to_string(hit.actors.size() - kShownActors);
  return joined({joined(hit.countries, " "), names}, kSeparator);
}

// "1. Title · 2024-03 · reports/a.txt p. 2 · CN NL · MSS"
std::string headline(const SearchHit& hit, const TextStyle& style, const Painter& paint) {
  const std::string title = hit.title.empty() ? "(untitled)" : analysis::printable(hit.title);
  std::string path = paint(kPath, shown_path(hit.path, style.base_directory));
  if (hit.page > 0) path += " p. " + std::to_string(hit.page);
  const std::string rest = joined({hit.date, path}, kSeparator);
  const std::string names = entities(hit);
  return paint(kBold, std::to_string(hit.rank) + ". " + title) + std::string(kSeparator) + rest +
         (names.empty() ? "" : std::string(kSeparator) + paint(kDim, names)) + "\n";
}

// Snippets up to this long stay on one line.
constexpr std::size_t kOneLineBytes = 100;

// Where a snippet is broken into two lines: the space nearest its middle (none: one line).
std::size_t line_break(const std::string& text) {
  if (text.size() <= kOneLineBytes) return std::string::npos;
  const std::size_t middle = text.size() / 2;
  const std::size_t after = text.find(' ', middle);
  const std::size_t before = middle == 0 ? std::string::npos : text.rfind(' ', middle);
  if (after == std::string::npos) return before == 0 ? std::string::npos : before;
  if (before == std::string::npos || before == 0) return after;
  return middle - before <= after - middle ? before : after;
}

std::string snippet_lines(const Snippet& snippet, bool color) {
  if (snippet.text.empty()) return {};
  const auto plain = [](std::string_view text) { return analysis::printable(text); };
  const auto line = [&](std::size_t begin, std::size_t end) {
    return std::string(kIndent) +
           (color ? mark_snippet(snippet, kMatch, kReset, plain, begin, end)
                  : plain(std::string_view(snippet.text).substr(begin, end - begin))) +
           "\n";
  };
  const std::size_t cut = line_break(snippet.text);
  if (cut == std::string::npos) return line(0, snippet.text.size());
  return line(0, cut) + line(cut + 1, snippet.text.size());
}

std::string explanation(const SearchHit& hit) {
  std::string out(kIndent);
  out += "terms:";
  for (const TermWeight& t : hit.explanation) {
    char weight[32];
    std::snprintf(weight, sizeof weight, " %.3f", t.weight);
    out += " " + analysis::printable(t.term) + weight;
  }
  return out + (hit.explanation.empty() ? " none\n" : "\n");
}

// How a facet value is written in a table row.
enum class FacetRow {
  Coded,  // "China (CN)", "Norwegian (no)"
  Actor,  // "Ministry of State Security [CN]" (under its kind's heading)
  Bare,   // "2024", "pdf"
};

// "     2  China (CN)"
std::string facet_row(const FacetValue& value, FacetRow row) {
  char count[32];
  std::snprintf(count, sizeof count, "%6zu  ", value.count);
  std::string out = count + analysis::printable(value.name);
  if (row == FacetRow::Actor && !value.country.empty()) out += " [" + value.country + "]";
  if (row == FacetRow::Coded) out += " (" + value.value + ")";
  return out + "\n";
}

// "     2  China (CN)" lines under a heading.
std::string facet_table(std::string_view heading, const std::vector<FacetValue>& values, FacetRow row) {
  std::string out(heading);
  out += values.empty() ? ": none\n" : ":\n";
  for (const FacetValue& value : values)
    out += facet_row(value, row);
  return out;
}

// The actors grouped by kind, threat groups first ("  threat-group:" then its rows), each group
// by count: vendors and platforms, named in most reports, no longer bury the groups.
std::string actor_table(const std::vector<FacetValue>& actors) {
  std::string out = actors.empty() ? "actors (documents): none\n" : "actors (documents):\n";
  for (const analysis::ActorKind kind : analysis::actor_kinds()) {
    std::string rows;
    for (const FacetValue& value : actors) {
      if (value.kind == kind) rows += facet_row(value, FacetRow::Actor);
    }
    if (!rows.empty()) out += "  " + std::string(analysis::actor_kind_name(kind)) + ":\n" + rows;
  }
  return out;
}

}  // namespace

std::string format_text(const SearchResult& result, const TextStyle& style) {
  const Painter paint(style.color);
  std::string out;
  if (style.explain) {
    if (!result.parsed_query.empty() || result.like_terms.empty())
      out += "query: " + analysis::printable(result.parsed_query) + "\n";
    if (!result.like_terms.empty()) {
      out += "like:";
      for (const std::string& term : result.like_terms)
        out += " " + analysis::printable(term);
      out += "\n";
    }
    out += "xapian: " + analysis::printable(result.xapian_query) + "\n";
  }
  for (const SearchHit& hit : result.hits) {
    out += headline(hit, style, paint);
    out += snippet_lines(hit.snippet, style.color);
    if (style.explain) out += explanation(hit);
  }
  if (style.facets) {
    out += facet_table("countries (documents)", result.facets.countries, FacetRow::Coded);
    out += actor_table(result.facets.actors);
    out += facet_table("years (documents)", result.facets.years, FacetRow::Bare);
    out += facet_table("languages (documents)", result.facets.languages, FacetRow::Coded);
    out += facet_table("types (documents)", result.facets.types, FacetRow::Bare);
  }
  return out;
}

}  // namespace dossier::searcher
