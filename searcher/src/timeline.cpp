#include "dossier/searcher/timeline.h"

#include <charconv>
#include <cstdio>

#include "dossier/analysis/schema.h"

namespace dossier::searcher {
namespace {

namespace schema = analysis::schema;

// The leading `digits` digits of a YYYYMMDD value as a number; -1 when the value is not one.
int leading_number(const std::string& value, std::size_t digits) {
  if (value.size() < digits) return -1;
  int number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + digits, number);
  return error == std::errc() && end == value.data() + digits ? number : -1;
}

std::string period_text(int number, bool month) {
  char buffer[16];
  if (month) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", number / 100, number % 100);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d", number);
  }
  return buffer;
}

}  // namespace

void TimelineCounter::operator()(const Xapian::Document& document, double /*weight*/) {
  const std::string first = document.get_value(schema::kDateFirstSlot);
  if (first.empty()) return;
  const int first_month = leading_number(first, 6);
  if (first_month < 0) return;
  // A date known to the month or the day starts and ends in one month; a year-only date spans
  // twelve, from 1 January: only a first day of 1 January needs the last day read to tell.
  const bool new_year = first.size() >= 8 && first.compare(4, 4, "0101") == 0;
  if (!new_year || leading_number(document.get_value(schema::kDateLastSlot), 6) == first_month) {
    ++months_[first_month];
  } else {
    ++years_[first_month / 100];
  }
}

Timeline TimelineCounter::result(std::size_t total) const {
  Timeline timeline;
  std::size_t dated = 0;
  for (const auto& [month, count] : months_) {
    timeline.months.push_back({period_text(month, true), count});
    dated += count;
  }
  for (const auto& [year, count] : years_) {
    timeline.years.push_back({period_text(year, false), count});
    dated += count;
  }
  timeline.undated = total > dated ? total - dated : 0;
  return timeline;
}

}  // namespace dossier::searcher
