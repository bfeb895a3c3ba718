#include "dossier/analysis/document_date.h"

#include <charconv>
#include <cstdio>

namespace dossier::analysis {
namespace {

bool is_leap(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) noexcept {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<int> digits(std::string_view text, std::size_t count) noexcept {
  if (text.size() != count) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string DocumentDate::to_iso() const {
  char buffer[48];  // room for any int, though a valid date needs 10
  if (day > 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  } else if (month > 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  }
  return buffer;
}

int DocumentDate::first_day() const noexcept {
  return year * 10000 + (month > 0 ? month : 1) * 100 + (day > 0 ? day : 1);
}

int DocumentDate::last_day() const noexcept {
  const int last_month = month > 0 ? month : 12;
  return year * 10000 + last_month * 100 + (day > 0 ? day : days_in_month(year, last_month));
}

std::optional<DocumentDate> make_date(int year, int month, int day) noexcept {
  if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0) return std::nullopt;
  if (day > 0 && (month == 0 || day > days_in_month(year, month))) return std::nullopt;
  return DocumentDate{year, month, day};
}

std::optional<DocumentDate> parse_iso_date(std::string_view text) noexcept {
  const auto year = digits(text.substr(0, 4), 4);
  if (!year) return std::nullopt;
  if (text.size() == 4) return make_date(*year);
  if (text.size() < 7 || text[4] != '-') return std::nullopt;
  const auto month = digits(text.substr(5, 2), 2);
  if (!month || *month == 0) return std::nullopt;
  if (text.size() == 7) return make_date(*year, *month);
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  const auto day = digits(text.substr(8, 2), 2);
  if (!day || *day == 0) return std::nullopt;
  return make_date(*year, *month, *day);
}

}  // namespace dossier::analysis
