// The text of one document for the page's document view: every page of the extracted text,
// HTML-escaped, with the matches of the query marked.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "dossier/searcher/searcher.h"

namespace dossier::server {

/// `{"query": "...", "matches": N, "segments": [{"page": 1, "html": "..."}]}`: the document's text
/// in pages (one segment for formats without pages), escaped for HTML (`&amp;`, `&lt;`, `&gt;`),
/// each match of `query` wrapped in `<mark>` and `</mark>`.
nlohmann::ordered_json document_text_json(searcher::Searcher& searcher, const searcher::DocumentView& view,
                                          const std::string& query, bool exact);

}  // namespace dossier::server
