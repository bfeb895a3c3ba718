// The text of one document for the page's document view: every page of the extracted text,
// HTML-escaped, with the matches of the query marked.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "dossier/searcher/marked_text.h"

namespace dossier::server {

/// `{"query": "...", "matches": N, "segments": [{"page": 1, "html": "..."}]}`: `text` (from
/// `Searcher::text`, its matches of `query` marked) one segment per page, escaped for HTML
/// (`&amp;`, `&lt;`, `&gt;`), each match wrapped in `<mark>` and `</mark>`; N counts them.
nlohmann::ordered_json document_text_json(const searcher::MarkedText& text, const std::string& query);

}  // namespace dossier::server
