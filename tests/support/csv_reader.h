/// \file
/// Reads CSV back (RFC 4180) for tests of Dossier's CSV output.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier::testing {

/// The records of `text`, each a list of fields: records end with CRLF, fields are separated by
/// commas, a quoted field may hold commas, CRLF, LF and doubled quotes. Throws
/// `std::invalid_argument` for anything else (a bare LF between records, a quote inside an
/// unquoted field, an unclosed quote, a last record without its CRLF).
std::vector<std::vector<std::string>> read_csv(std::string_view text);

}  // namespace dossier::testing
