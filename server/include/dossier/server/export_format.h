/// \file
/// Search results as CSV rows for `GET /api/export.csv` (JSON lines come from the searcher's
/// `format_json_lines`).
#pragma once

#include <string>

#include "dossier/searcher/searcher.h"

namespace dossier::server {

/// The header line: `rank,id,score,path,title,date,author,language,format,page,countries,actors,snippet`.
std::string csv_header();

/// One line per hit (RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled;
/// lines end with CRLF). Countries are codes and actors names, each joined by "; "; the snippet is
/// plain text. Text fields are written by `searcher::csv_field` (valid UTF-8, defused as formulas).
std::string csv_rows(const searcher::SearchResult& result);

}  // namespace dossier::server
