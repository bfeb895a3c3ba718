/// \file
/// Matches by month of their date, exact over every match: the histogram a page draws and the
/// counts its date filters give back.
#pragma once

#include <xapian.h>

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

/// Counts the matches of a search by the month (or year) of their date. A `Xapian::MatchSpy` that
/// reads the first and the last day the date covers (value slots 5 and 6); exact when the search
/// examines every match, as the searcher's do. Local databases only (it is not registered for
/// remote shards). Not thread-safe; one per search.
class TimelineCounter : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double weight) override;

  /// The counts so far; `total` (the number of matches) gives the undated ones.
  Timeline result(std::size_t total) const;

 private:
  std::map<int, std::size_t> months_;  // YYYYMM -> documents
  std::map<int, std::size_t> years_;   // YYYY -> documents dated to the year only
};

}  // namespace dossier::searcher
