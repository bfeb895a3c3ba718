#include "dossier/analysis/document_record.h"

#include <stdexcept>

namespace dossier::analysis {
namespace {

constexpr char kMagic = 'D';
constexpr char kVersion = 1;

// Field tags. Part of the on-disk format: never reuse a number.
enum Tag : unsigned char {
  kPathTag = 1,
  kTitleTag = 2,
  kFormatTag = 3,
  kSizeTag = 4,
  kMtimeTag = 5,
  kDigestTag = 6,
  kTextTag = 7,
  kCountryTag = 8,  // one field per entity: id, mentions, surfaces separated by kUnitSeparator
  kActorTag = 9,
  kAuthorTag = 10,
  kDateTag = 11,
  kDescriptionTag = 12,
  kKeywordTag = 13,  // one field per keyword
  kUrlTag = 14,
  kLanguageTag = 15,
  kPagesTag = 16,  // varints: the page starts
};

constexpr char kUnitSeparator = '\x1f';

void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

std::uint64_t get_varint(std::string_view& in) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) throw std::runtime_error("truncated document record");
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  throw std::runtime_error("malformed number in document record");
}

void put_field(std::string& out, Tag tag, std::string_view bytes) {
  out.push_back(static_cast<char>(tag));
  put_varint(out, bytes.size());
  out.append(bytes);
}

void put_number(std::string& out, Tag tag, std::uint64_t value) {
  std::string encoded;
  put_varint(encoded, value);
  put_field(out, tag, encoded);
}

std::string encode_entity(const RecordedEntity& entity) {
  std::string out = entity.id;
  out += kUnitSeparator;
  out += std::to_string(entity.mentions);
  for (const std::string& surface : entity.surfaces) {
    out += kUnitSeparator;
    out += surface;
  }
  return out;
}

RecordedEntity decode_entity(std::string_view bytes) {
  std::vector<std::string> parts;
  while (true) {
    const std::size_t stop = bytes.find(kUnitSeparator);
    parts.emplace_back(bytes.substr(0, stop));
    if (stop == std::string_view::npos) break;
    bytes.remove_prefix(stop + 1);
  }
  if (parts.size() < 2) throw std::runtime_error("malformed entity in document record");
  RecordedEntity entity{parts[0], 0, {parts.begin() + 2, parts.end()}};
  try {
    entity.mentions = std::stoull(parts[1]);
  } catch (const std::exception&) {
    throw std::runtime_error("malformed entity in document record");
  }
  return entity;
}

// Empty fields are left out: most documents have no description or URL.
void put_optional(std::string& out, Tag tag, std::string_view bytes) {
  if (!bytes.empty()) put_field(out, tag, bytes);
}

std::vector<std::uint64_t> numbers_from(std::string_view bytes) {
  std::vector<std::uint64_t> numbers;
  while (!bytes.empty())
    numbers.push_back(get_varint(bytes));
  return numbers;
}

std::uint64_t number_from(std::string_view bytes) {
  const std::uint64_t value = get_varint(bytes);
  if (!bytes.empty()) throw std::runtime_error("malformed number in document record");
  return value;
}

}  // namespace

std::string encode_record(const DocumentRecord& record) {
  std::string out;
  out.reserve(record.text.size() + record.path.size() + record.title.size() + 64);
  out.push_back(kMagic);
  out.push_back(kVersion);
  put_field(out, kPathTag, record.path);
  put_field(out, kTitleTag, record.title);
  put_field(out, kFormatTag, record.format);
  put_number(out, kSizeTag, record.size);
  put_number(out, kMtimeTag, static_cast<std::uint64_t>(record.mtime_ns));
  put_field(out, kDigestTag, record.content_digest);
  put_field(out, kTextTag, record.text);
  for (const RecordedEntity& country : record.countries)
    put_field(out, kCountryTag, encode_entity(country));
  for (const RecordedEntity& actor : record.actors)
    put_field(out, kActorTag, encode_entity(actor));
  put_optional(out, kAuthorTag, record.author);
  put_optional(out, kDateTag, record.date);
  put_optional(out, kDescriptionTag, record.description);
  for (const std::string& keyword : record.keywords)
    put_field(out, kKeywordTag, keyword);
  put_optional(out, kUrlTag, record.canonical_url);
  put_optional(out, kLanguageTag, record.language);
  if (!record.page_starts.empty()) {
    std::string pages;
    for (std::uint64_t start : record.page_starts)
      put_varint(pages, start);
    put_field(out, kPagesTag, pages);
  }
  return out;
}

std::string decode_record_path(std::string_view data) {
  if (data.size() < 2 || data[0] != kMagic) throw std::runtime_error("not a Dossier document record");
  data.remove_prefix(2);
  while (!data.empty()) {
    const auto tag = static_cast<unsigned char>(data.front());
    data.remove_prefix(1);
    const std::uint64_t length = get_varint(data);
    if (length > data.size()) throw std::runtime_error("truncated document record");
    if (tag == kPathTag) return std::string(data.substr(0, length));
    data.remove_prefix(length);
  }
  return {};
}

DocumentRecord decode_record(std::string_view data) {
  if (data.size() < 2 || data[0] != kMagic) throw std::runtime_error("not a Dossier document record");
  if (data[1] > kVersion) throw std::runtime_error("document record from a newer Dossier");
  data.remove_prefix(2);
  DocumentRecord record;
  while (!data.empty()) {
    const auto tag = static_cast<unsigned char>(data.front());
    data.remove_prefix(1);
    const std::uint64_t length = get_varint(data);
    if (length > data.size()) throw std::runtime_error("truncated document record");
    const std::string_view bytes = data.substr(0, length);
    data.remove_prefix(length);
    switch (tag) {
      case kPathTag:
        record.path = bytes;
        break;
      case kTitleTag:
        record.title = bytes;
        break;
      case kFormatTag:
        record.format = bytes;
        break;
      case kSizeTag:
        record.size = number_from(bytes);
        break;
      case kMtimeTag:
        record.mtime_ns = static_cast<std::int64_t>(number_from(bytes));
        break;
      case kDigestTag:
        record.content_digest = bytes;
        break;
      case kTextTag:
        record.text = bytes;
        break;
      case kCountryTag:
        record.countries.push_back(decode_entity(bytes));
        break;
      case kActorTag:
        record.actors.push_back(decode_entity(bytes));
        break;
      case kAuthorTag:
        record.author = bytes;
        break;
      case kDateTag:
        record.date = bytes;
        break;
      case kDescriptionTag:
        record.description = bytes;
        break;
      case kKeywordTag:
        record.keywords.emplace_back(bytes);
        break;
      case kUrlTag:
        record.canonical_url = bytes;
        break;
      case kLanguageTag:
        record.language = bytes;
        break;
      case kPagesTag:
        record.page_starts = numbers_from(bytes);
        break;
      default:
        break;  // a field from a newer writer
    }
  }
  return record;
}

}  // namespace dossier::analysis
