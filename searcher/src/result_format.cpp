// Terminal text rendering of search results.
#include "dossier/searcher/result_format.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "dossier/analysis/printable.h"
#include "text_wrap.h"

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

// A line of terminal text, already printable, and the parts of it to paint when colour is on.
struct StyledLine {
  struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string_view code;
  };
  std::string text;
  std::vector<Span> spans;

  void add(const std::string& part, std::string_view code = {}) {
    if (!code.empty() && !part.empty()) spans.push_back({text.size(), text.size() + part.size(), code});
    text += part;
  }

  // text[begin, end), its spans painted when `color` (clipped to the range: a wrapped line
  // closes its colour and the next line opens it again).
  std::string painted(std::size_t begin, std::size_t end, bool color) const {
    std::string out;
    std::size_t at = begin;
    for (const Span& span : spans) {
      if (!color || span.end <= at || span.begin >= end) continue;
      const std::size_t from = std::max(span.begin, at);
      const std::size_t to = std::min(span.end, end);
      out += text.substr(at, from - at) + std::string(span.code) + text.substr(from, to - from) +
             std::string(kReset);
      at = to;
    }
    return out + text.substr(at, end - at);
  }
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

// The first `shown` of `names`, printable and joined, then "+N" for the rest: "MSS, MIVD, FBI +4".
std::string first_names(const std::vector<std::string>& names, std::size_t shown,
                        std::string_view separator) {
  std::vector<std::string> first;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i)
    first.push_back(analysis::printable(names[i]));
  std::string out = joined(first, separator);
  if (names.size() > shown) out += " +" + std::to_string(names.size() - shown);
  return out;
}

// "CN NL BE" and "MSS, MIVD, FBI +4".
std::string entities(const SearchHit& hit) {
  return joined(
      {first_names(hit.countries, kShownCountries, " "), first_names(hit.actors, kShownActors, ", ")},
      kSeparator);
}

// "1. Title · 2024-03 · reports/a.txt p. 2 · CN NL · MSS"
StyledLine headline(const SearchHit& hit, const TextStyle& style) {
  StyledLine line;
  line.add(
      std::to_string(hit.rank) + ". " + (hit.title.empty() ? "(untitled)" : analysis::printable(hit.title)),
      kBold);
  if (!hit.date.empty()) line.add(std::string(kSeparator) + hit.date);
  line.add(std::string(kSeparator));
  line.add(shown_path(hit.path, style.base_directory), kPath);
  if (hit.page > 0) line.add(" p. " + std::to_string(hit.page));
  if (const std::string names = entities(hit); !names.empty()) {
    line.add(std::string(kSeparator));
    line.add(names, kDim);
  }
  return line;
}

// The snippet, printable, its matches to be painted.
StyledLine snippet_line(const Snippet& snippet) {
  StyledLine line;
  const std::string_view text = snippet.text;
  std::size_t at = 0;
  for (const HighlightSpan& span : snippet.highlights) {
    if (span.begin < at || span.end > text.size()) continue;
    line.add(analysis::printable(text.substr(at, span.begin - at)));
    line.add(analysis::printable(text.substr(span.begin, span.end - span.begin)), kMatch);
    at = span.end;
  }
  line.add(analysis::printable(text.substr(at)));
  return line;
}

// Snippets up to this long stay on one line when the width is unknown.
constexpr std::size_t kOneLineBytes = 100;

// Where a snippet is broken into two lines without a width: the space nearest its middle (none:
// one line).
std::size_t line_break(const std::string& text) {
  if (text.size() <= kOneLineBytes) return std::string::npos;
  const std::size_t middle = text.size() / 2;
  const std::size_t after = text.find(' ', middle);
  const std::size_t before = middle == 0 ? std::string::npos : text.rfind(' ', middle);
  if (after == std::string::npos) return before == 0 ? std::string::npos : before;
  if (before == std::string::npos || before == 0) return after;
  return middle - before <= after - middle ? before : after;
}

// Narrower than this, wrapping would leave a word or two per line: the width counts as this.
constexpr std::size_t kNarrowest = 20;

// Lays out hits for a terminal of `style.width` columns, or, without a width, one line per
// headline and a snippet on at most two lines.
class HitLayout {
 public:
  explicit HitLayout(const TextStyle& style) : style_(style) {
    if (style.width > 0) wrapper_.emplace();
  }

  // The headline, continued lines indented two columns past its rank (further than the snippet,
  // so that they read as the headline's).
  std::string headline_lines(const SearchHit& hit) {
    const StyledLine line = headline(hit, style_);
    const std::size_t indent = std::to_string(hit.rank).size() + 4;
    return lines(line, "", std::string(indent, ' '), width(), width() > indent ? width() - indent : 1);
  }

  std::string snippet_lines(const Snippet& snippet) {
    if (snippet.text.empty()) return {};
    const StyledLine line = snippet_line(snippet);
    const std::string indent(kIndent);
    if (wrapper_) {
      const std::size_t room = width() > indent.size() ? width() - indent.size() : 1;
      return lines(line, indent, indent, room, room);
    }
    const std::size_t cut = line_break(line.text);
    if (cut == std::string::npos) return indent + line.painted(0, line.text.size(), style_.color) + "\n";
    return indent + line.painted(0, cut, style_.color) + "\n" + indent +
           line.painted(cut + 1, line.text.size(), style_.color) + "\n";
  }

 private:
  std::size_t width() const { return std::max(style_.width, kNarrowest); }

  std::string lines(const StyledLine& line, const std::string& first_indent, const std::string& indent,
                    std::size_t first_width, std::size_t next_width) {
    if (!wrapper_) return first_indent + line.painted(0, line.text.size(), style_.color) + "\n";
    std::string out;
    for (const auto& [begin, end] : wrapper_->lines(line.text, first_width, next_width))
      out += (out.empty() ? first_indent : indent) + line.painted(begin, end, style_.color) + "\n";
    return out;
  }

  const TextStyle& style_;
  std::optional<LineWrapper> wrapper_;
};

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
  HitLayout layout(style);
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
    out += layout.headline_lines(hit);
    out += layout.snippet_lines(hit.snippet);
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

std::string format_page_footer(const SearchResult& result) {
  if (result.total == 0) return "no matches\n";
  if (result.hits.empty())
    return std::to_string(result.total) + (result.total == 1 ? " match\n" : " matches\n");
  const std::size_t first = result.offset + 1;
  const std::size_t last = result.offset + result.hits.size();
  std::string footer =
      std::to_string(first) + "-" + std::to_string(last) + " of " + std::to_string(result.total);
  if (last < result.total) footer += " (next: --offset " + std::to_string(last) + ")";
  return footer + "\n";
}

}  // namespace dossier::searcher
