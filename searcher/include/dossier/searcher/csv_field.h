/// \file
/// One CSV field (RFC 4180), safe to open in a spreadsheet: for `search --batch --format csv`,
/// `--batch-matrix` and the server's `GET /api/export.csv`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier::searcher {

/// `field` as one CSV field: valid UTF-8 (bad bytes become U+FFFD); quoted, with quotes doubled,
/// when it holds a comma, a quote or a line break; and, when it starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return, prefixed with `'`, so that a spreadsheet shows it rather than runs
/// it as a formula (a title or a query can be anything).
std::string csv_field(std::string_view field);

/// One CSV line: `fields` (each already a field: `csv_field` or a number) joined by commas, then
/// CRLF.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace dossier::searcher
