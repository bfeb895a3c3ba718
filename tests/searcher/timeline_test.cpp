#include "dossier/searcher/timeline.h"

#include <catch2/catch.hpp>

using dossier::searcher::Timeline;
using dossier::searcher::timeline_of;

namespace {

std::string counts(const std::vector<dossier::searcher::TimelineCount>& periods) {
  std::string text;
  for (const auto& period : periods)
    text += period.value + "=" + std::to_string(period.count) + " ";
  return text;
}

}  // namespace

TEST_CASE("a month period counts in its month, a year-only period in its year", "[timeline]") {
  const Timeline timeline = timeline_of({{"202403", 2}, {"202401", 1}, {"2024", 1}, {"199912", 1}}, 7);
  CHECK(counts(timeline.months) == "1999-12=1 2024-01=1 2024-03=2 ");
  CHECK(counts(timeline.years) == "2024=1 ");
  CHECK(timeline.undated == 2);
}

TEST_CASE("damaged periods count as undated", "[timeline]") {
  const Timeline timeline = timeline_of({{"20240", 1}, {"abcdef", 1}, {"24", 1}}, 3);
  CHECK(timeline.months.empty());
  CHECK(timeline.years.empty());
  CHECK(timeline.undated == 3);
}
