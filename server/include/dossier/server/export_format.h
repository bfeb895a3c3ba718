/// \file
/// Search results as CSV rows for `GET /api/export.csv` (JSON lines come from the searcher's
/// `format_json_lines`).
#pragma once

#include <string>
#include <string_view>

#include "dossier/searcher/searcher.h"

namespace dossier::server {

/// The header line: `rank,id,score,path,title,date,author,language,format,page,countries,actors,snippet`.
std::string csv_header();

/// One line per hit (RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled;
/// lines end with CRLF). Countries are codes and actors names, each joined by "; "; the snippet is
/// plain text. A text field starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, so a spreadsheet shows it rather than runs it as a formula (a document title can
/// be anything). Strings are valid UTF-8.
std::string csv_rows(const searcher::SearchResult& result);

/// `field` as one CSV field, quoted when it needs to be and defused as a formula.
std::string csv_field(std::string_view field);

}  // namespace dossier::server
