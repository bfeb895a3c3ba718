#include "document_text.h"

#include <string_view>

#include "dossier/analysis/utf8.h"

namespace dossier::server {
namespace {

using Json = nlohmann::ordered_json;

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

Json document_text_json(const searcher::MarkedText& text, const std::string& query) {
  Json segments = Json::array();
  std::size_t matches = 0;
  for (const searcher::TextPage& page : text.pages) {
    std::string html;
    for (const searcher::TextSegment& segment : page.segments) {
      // Repaired run by run, so that a bad byte never merges into the markup around it.
      if (segment.match) html += "<mark>";
      append_escaped(html, analysis::repair_utf8(segment.text));
      if (segment.match) {
        html += "</mark>";
        ++matches;
      }
    }
    segments.push_back({{"page", page.number}, {"html", std::move(html)}});
  }
  return {{"query", analysis::repair_utf8(query)}, {"matches", matches}, {"segments", std::move(segments)}};
}

}  // namespace dossier::server
