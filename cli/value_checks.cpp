#include "value_checks.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "dossier/analysis/printable.h"

namespace dossier::cli {
namespace {

std::string in_quotes(const std::string& text) {
  return "'" + analysis::printable(text) + "'";
}

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

bool all_digits(const std::string& text, std::size_t from) {
  if (from >= text.size()) return false;
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        const std::string at_least = "must be at least " + std::to_string(min);
        if (!text.empty() && text[0] == '-' && all_digits(text, 1)) return at_least + " (got " + text + ")";
        if (!all_digits(text, 0)) return in_quotes(text) + " is not a whole number";
        errno = 0;
        const unsigned long long value = std::strtoull(text.c_str(), nullptr, 10);
        if (errno == ERANGE) return in_quotes(text) + " is too large";
        if (value < min) return at_least + " (got " + text + ")";
        if (value > max) return "must be at most " + std::to_string(max) + " (got " + text + ")";
        return {};
      },
      "");
}

CLI::Validator seconds_between(double min, double max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value)) {
          return in_quotes(text) + " is not a number of seconds";
        }
        if (value < min) return "must be at least " + number_text(min) + " seconds (got " + text + ")";
        if (value > max) return "must be at most " + number_text(max) + " seconds (got " + text + ")";
        return {};
      },
      "");
}

CLI::Validator one_of(std::vector<std::string> values) {
  return CLI::Validator(
      [values](std::string& text) -> std::string {
        std::string list;
        for (const std::string& value : values) {
          if (value == text) return {};
          list += (list.empty() ? "" : ", ") + value;
        }
        return in_quotes(text) + " is not one of " + list;
      },
      "");
}

CLI::Validator non_empty_path() {
  return CLI::Validator(
      [](std::string& text) -> std::string { return text.empty() ? "the path is empty" : std::string(); },
      "");
}

}  // namespace dossier::cli
