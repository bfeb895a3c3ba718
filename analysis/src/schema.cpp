#include "dossier/analysis/schema.h"

#include <algorithm>
#include <cstdio>

#include "dossier/analysis/digest.h"

namespace dossier::analysis::schema {

std::string prefixed(std::string_view prefix, std::string_view term) {
  std::string out;
  out.reserve(prefix.size() + term.size());
  out.append(prefix);
  out.append(term);
  return out;
}

std::string unique_term(std::string_view path) {
  return prefixed(kUniquePrefix, digest_hex(path));
}

std::string encode_int64(std::int64_t value) {
  // Flipping the sign bit maps INT64_MIN..INT64_MAX onto 0..UINT64_MAX in order.
  const std::uint64_t bits = static_cast<std::uint64_t>(value) ^ (std::uint64_t{1} << 63);
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i)
    out[i] = static_cast<char>((bits >> (56 - 8 * i)) & 0xFF);
  return out;
}

std::string encode_set(std::vector<std::string> members) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  std::string out;
  for (const std::string& member : members) {
    if (!out.empty()) out.push_back(kSetSeparator);
    out += member;
  }
  return out;
}

std::vector<std::string> decode_set(std::string_view value) {
  std::vector<std::string> members;
  while (!value.empty()) {
    const std::size_t stop = value.find(kSetSeparator);
    members.emplace_back(value.substr(0, stop));
    if (stop == std::string_view::npos) break;
    value.remove_prefix(stop + 1);
  }
  return members;
}

std::string facet_period(const DocumentDate& date) {
  char buffer[16];
  if (date.month == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d", date.year);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d%02d", date.year, date.month);
  }
  return buffer;
}

std::string encode_facet_key(const FacetKey& key) {
  std::string out;
  out.reserve(key.period.size() + key.language.size() + key.format.size() + 2);
  out.append(key.period)
      .append(1, kSetSeparator)
      .append(key.language)
      .append(1, kSetSeparator)
      .append(key.format);
  return out;
}

FacetKey decode_facet_key(std::string_view value) {
  FacetKey key;
  std::string* parts[] = {&key.period, &key.language, &key.format};
  for (std::string* part : parts) {
    const std::size_t stop = value.find(kSetSeparator);
    part->assign(value.substr(0, stop));
    if (stop == std::string_view::npos) break;
    value.remove_prefix(stop + 1);
  }
  return key;
}

std::optional<std::int64_t> decode_int64(std::string_view bytes) noexcept {
  if (bytes.size() != 8) return std::nullopt;
  std::uint64_t bits = 0;
  for (char byte : bytes)
    bits = (bits << 8) | static_cast<unsigned char>(byte);
  return static_cast<std::int64_t>(bits ^ (std::uint64_t{1} << 63));
}

}  // namespace dossier::analysis::schema
