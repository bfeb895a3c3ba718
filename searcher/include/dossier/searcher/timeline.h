/// \file
/// Matches by month of their date, exact over every match: the histogram a page draws and the
/// counts its date filters give back.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace dossier::searcher {

/// One period and how many matching documents are dated inside it.
struct TimelineCount {
  std::string value;  ///< "2024-03" for a month, "2024" for a year
  std::size_t count = 0;
};

/// Where the matches' dates fall. Each dated document is counted once: in `months` when its whole
/// date lies in one month (it is known to the month or the day), else in `years` (it is known to
/// the year only), so a month's count is what `--since M --until M` keeps and a year's count is
/// what that year adds beyond its months.
struct Timeline {
  std::vector<TimelineCount> months;  ///< oldest first, only months with matches
  std::vector<TimelineCount> years;   ///< oldest first: documents dated to the year only
  std::size_t undated = 0;            ///< matches without a date
};

/// The timeline of the matches counted by period in `periods` (`analysis::schema::FacetKey`
/// periods: "YYYYMM" for a month, "YYYY" for a year-only date; anything else counts as undated);
/// `total`, the number of matches, gives the undated ones. `FacetCounter::timeline` counts them.
Timeline timeline_of(const std::map<std::string, std::size_t>& periods, std::size_t total);

}  // namespace dossier::searcher
