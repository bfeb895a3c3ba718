#include "dossier/analysis/utc_time.h"

#include <charconv>
#include <ctime>

namespace dossier::analysis {
namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
// Nanoseconds since 1970 fit in 64 bits until April 2262.
constexpr int kLastYear = 2261;

// The `digits`-digit number at `at`, or -1.
int number_at(std::string_view text, std::size_t at, std::size_t digits) {
  if (at + digits > text.size()) return -1;
  int value = 0;
  const char* start = text.data() + at;
  const auto [end, error] = std::from_chars(start, start + digits, value);
  return error == std::errc() && end == start + digits && *start != '-' && *start != '+' ? value : -1;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

}  // namespace

std::string iso_utc_time(std::time_t seconds) {
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::string utc_text(std::int64_t ns) {
  // Rounded down for times before 1970 too.
  return iso_utc_time(static_cast<std::time_t>(ns / kNanosPerSecond - (ns % kNanosPerSecond < 0 ? 1 : 0)));
}

std::optional<std::int64_t> parse_utc_time(std::string_view text) {
  if (text.ends_with('Z')) text.remove_suffix(1);
  if (text.size() != 10 && text.size() != 16 && text.size() != 19) return std::nullopt;
  if (text[4] != '-' || text[7] != '-') return std::nullopt;
  std::tm utc{};
  const int year = number_at(text, 0, 4), month = number_at(text, 5, 2), day = number_at(text, 8, 2);
  if (year < 1970 || year > kLastYear || month < 1 || month > 12 || day < 1 || day > days_in(year, month))
    return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  if (text.size() > 10) {
    if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
    hour = number_at(text, 11, 2);
    minute = number_at(text, 14, 2);
    if (text.size() == 19) second = text[16] == ':' ? number_at(text, 17, 2) : -1;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return std::nullopt;
  }
  utc.tm_year = year - 1900;
  utc.tm_mon = month - 1;
  utc.tm_mday = day;
  utc.tm_hour = hour;
  utc.tm_min = minute;
  utc.tm_sec = second;
  return static_cast<std::int64_t>(::timegm(&utc)) * kNanosPerSecond;
}

}  // namespace dossier::analysis
