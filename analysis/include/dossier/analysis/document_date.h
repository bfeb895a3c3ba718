/// \file
/// A calendar date that remembers its precision: "March 2024" stays a month, "2024" a year.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dossier::analysis {

/// A date known to the year, the month or the day. `month` and `day` are 0 when unknown; a known
/// day implies a known month.
struct DocumentDate {
  int year = 0;   ///< 1..9999
  int month = 0;  ///< 1..12, or 0
  int day = 0;    ///< 1..31 (valid for the month), or 0

  friend bool operator==(const DocumentDate&, const DocumentDate&) = default;

  /// ISO 8601 text at the date's precision: "2024", "2024-03" or "2024-03-06".
  std::string to_iso() const;

  /// The first day the date covers ("2024-03" -> 20240301) as a sortable 8-digit number.
  int first_day() const noexcept;

  /// The last day the date covers ("2024-02" -> 20240229) as a sortable 8-digit number.
  int last_day() const noexcept;
};

/// Makes a date from parts, or `std::nullopt` when they are not a real date (month 13, 31 April,
/// 29 February of a common year, a day without a month, year outside 1..9999).
std::optional<DocumentDate> make_date(int year, int month = 0, int day = 0) noexcept;

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (exactly), or returns `std::nullopt`.
std::optional<DocumentDate> parse_iso_date(std::string_view text) noexcept;

}  // namespace dossier::analysis
