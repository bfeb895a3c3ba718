#include "document_text.h"

#include "dossier/analysis/utf8.h"

namespace dossier::server {
namespace {

using Json = nlohmann::ordered_json;

std::string html_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
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
  return out;
}

}  // namespace

Json document_text_json(searcher::Searcher& /*searcher*/, const searcher::DocumentView& view,
                        const std::string& query, bool /*exact*/) {
  const std::string& text = view.record.text;
  Json segments = Json::array();
  std::size_t begin = 0;
  for (std::size_t page = 0; page <= view.record.page_starts.size(); ++page) {
    const std::size_t end = page < view.record.page_starts.size()
                                ? std::min<std::size_t>(view.record.page_starts[page], text.size())
                                : text.size();
    segments.push_back(
        {{"page", page + 1}, {"html", html_escaped(analysis::repair_utf8(text.substr(begin, end - begin)))}});
    begin = end;
  }
  return {{"query", analysis::repair_utf8(query)}, {"matches", 0}, {"segments", std::move(segments)}};
}

}  // namespace dossier::server
