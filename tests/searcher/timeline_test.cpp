#include "dossier/searcher/timeline.h"

#include <catch2/catch.hpp>

#include "dossier/analysis/schema.h"

using dossier::searcher::Timeline;
using dossier::searcher::TimelineCounter;

namespace {

namespace schema = dossier::analysis::schema;

Xapian::Document dated(const std::string& first_day, const std::string& last_day) {
  Xapian::Document document;
  if (!first_day.empty()) document.add_value(schema::kDateFirstSlot, first_day);
  if (!last_day.empty()) document.add_value(schema::kDateLastSlot, last_day);
  return document;
}

std::string counts(const std::vector<dossier::searcher::TimelineCount>& periods) {
  std::string text;
  for (const auto& period : periods)
    text += period.value + "=" + std::to_string(period.count) + " ";
  return text;
}

}  // namespace

TEST_CASE("a day or a month counts in its month, a year-only date in its year", "[timeline]") {
  TimelineCounter counter;
  counter(dated("20240306", "20240306"), 1.0);  // a day
  counter(dated("20240301", "20240331"), 1.0);  // its month
  counter(dated("20240101", "20240131"), 1.0);  // January: starts where a year does
  counter(dated("20240101", "20241231"), 1.0);  // the year 2024 only
  counter(dated("19991201", "19991231"), 1.0);
  const Timeline timeline = counter.result(7);
  CHECK(counts(timeline.months) == "1999-12=1 2024-01=1 2024-03=2 ");
  CHECK(counts(timeline.years) == "2024=1 ");
  CHECK(timeline.undated == 2);
}

TEST_CASE("documents without a date or with a damaged one are undated", "[timeline]") {
  TimelineCounter counter;
  counter(dated("", ""), 1.0);
  counter(dated("2024", "2024"), 1.0);  // too short to hold a month
  counter(dated("abcdefgh", "abcdefgh"), 1.0);
  const Timeline timeline = counter.result(3);
  CHECK(timeline.months.empty());
  CHECK(timeline.years.empty());
  CHECK(timeline.undated == 3);
}
