#include "dossier/analysis/failure_record.h"

#include <charconv>
#include <vector>

namespace dossier::analysis {
namespace {

template <typename Number>
bool parse_number(std::string_view text, Number& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

std::string encode_failure(const FailureRecord& record) {
  return std::to_string(record.size) + '\t' + std::to_string(record.mtime_ns) + '\t' + record.root_digest +
         '\t' + record.since + '\t' + std::to_string(record.path.size()) + '\t' + record.path + '\t' +
         record.reason;
}

std::optional<FailureRecord> decode_failure(std::string_view value) {
  std::vector<std::string_view> fields;
  for (int i = 0; i < 5; ++i) {
    const std::size_t tab = value.find('\t');
    if (tab == std::string_view::npos) return std::nullopt;
    fields.push_back(value.substr(0, tab));
    value.remove_prefix(tab + 1);
  }
  FailureRecord record;
  std::size_t path_size = 0;
  if (!parse_number(fields[0], record.size) || !parse_number(fields[1], record.mtime_ns) ||
      !parse_number(fields[4], path_size) || value.size() <= path_size || value[path_size] != '\t') {
    return std::nullopt;
  }
  record.root_digest = std::string(fields[2]);
  record.since = std::string(fields[3]);
  record.path = std::string(value.substr(0, path_size));
  record.reason = std::string(value.substr(path_size + 1));
  return record;
}

}  // namespace dossier::analysis
