/// \file
/// Dates as people write them ("March 2024", "Feb. 13, 2024", "13.02.2024") and as metadata fields
/// hold them ("2024-02-13T10:00:00Z").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "dossier/analysis/document_date.h"

namespace dossier::indexer {

/// A date found in a text, and where it is (byte offsets, `end` one past its last byte).
struct DateMatch {
  analysis::DocumentDate date;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The first date in `text` written in one of these forms (English month names, full or
/// abbreviated with an optional ".", capitalised; four-digit years):
/// "March 2024" (month precision), "February 13, 2024", "Feb. 13, 2024", "Jun 17 2016",
/// "13 February 2024", "6th of February 2024", "2024-02-13", "13.02.2024" (day.month.year).
/// Impossible dates ("31 April 2024", "2024-13-01") are not dates. A date must not be glued to
/// other letters or digits. Returns nullopt when there is none; never throws.
std::optional<DateMatch> find_date(std::string_view text);

/// Reads a metadata field that should hold a date: ISO 8601 "YYYY", "YYYY-MM", "YYYY-MM-DD", a
/// timestamp whose date part is kept ("2024-02-13T10:00:00Z", "2024-02-13 10:00"), or else the first
/// date `find_date` finds in it ("Tue, 13 Feb 2024 10:00:00 GMT"). Surrounding white space and
/// quotes are ignored. Returns nullopt for anything else; never throws.
std::optional<analysis::DocumentDate> parse_date_value(std::string_view text);

}  // namespace dossier::indexer
