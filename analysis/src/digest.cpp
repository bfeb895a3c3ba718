#include "dossier/analysis/digest.h"

#include <xxhash.h>

namespace dossier::analysis {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void put_hex(std::uint64_t value, char* out) {
  for (int i = 15; i >= 0; --i) {
    out[i] = kHexDigits[value & 0xf];
    value >>= 4;
  }
}

std::optional<std::uint64_t> read_hex(std::string_view digits) {
  std::uint64_t value = 0;
  for (const char c : digits) {
    int nibble = -1;
    if (c >= '0' && c <= '9') nibble = c - '0';
    if (c >= 'a' && c <= 'f') nibble = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') nibble = c - 'A' + 10;
    if (nibble < 0) return std::nullopt;
    value = value << 4 | static_cast<std::uint64_t>(nibble);
  }
  return value;
}

}  // namespace

std::string Digest::hex() const {
  std::string text(32, '0');
  put_hex(high, text.data());
  put_hex(low, text.data() + 16);
  return text;
}

Digest digest_of(std::string_view bytes) noexcept {
  const XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  return {hash.high64, hash.low64};
}

std::optional<Digest> parse_digest(std::string_view hex) noexcept {
  if (hex.size() != 32) return std::nullopt;
  const auto high = read_hex(hex.substr(0, 16));
  const auto low = read_hex(hex.substr(16));
  if (!high || !low) return std::nullopt;
  return Digest{*high, *low};
}

std::string digest_hex(std::string_view bytes) {
  return digest_of(bytes).hex();
}

}  // namespace dossier::analysis
