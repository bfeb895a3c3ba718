#include "csv_reader.h"

#include <stdexcept>

namespace dossier::testing {
namespace {

// One quoted field starting at `text[at]` (the opening quote); moves `at` past the closing one.
std::string quoted_field(std::string_view text, std::size_t& at) {
  std::string field;
  for (++at; at < text.size(); ++at) {
    if (text[at] != '"') {
      field.push_back(text[at]);
    } else if (at + 1 < text.size() && text[at + 1] == '"') {
      field.push_back('"');
      ++at;
    } else {
      ++at;
      return field;
    }
  }
  throw std::invalid_argument("CSV: a quoted field is not closed");
}

}  // namespace

std::vector<std::vector<std::string>> read_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::size_t at = 0;
  while (at < text.size()) {
    std::string field;
    if (text[at] == '"') {
      field = quoted_field(text, at);
    } else {
      const std::size_t end = text.find_first_of(",\r\n\"", at);
      field = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
      at = end == std::string_view::npos ? text.size() : end;
    }
    record.push_back(std::move(field));
    if (text.substr(at, 1) == ",") {
      ++at;
    } else if (text.substr(at, 2) == "\r\n") {
      at += 2;
      records.push_back(std::move(record));
      record.clear();
    } else {
      throw std::invalid_argument("CSV: a record does not end with CRLF at byte " + std::to_string(at));
    }
  }
  return records;
}

}  // namespace dossier::testing
