/// \file
/// Content digests (XXH3-128) used for unique ids, long-term bounding and change detection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dossier::analysis {

/// An XXH3 128-bit digest as a value: 16 bytes, cheap to hash and compare, where the index stores
/// its 32 hex digits. Not cryptographic: it identifies content and paths, it does not protect them.
struct Digest {
  std::uint64_t high = 0;
  std::uint64_t low = 0;

  friend bool operator==(const Digest&, const Digest&) = default;

  /// The 32 lower-case hex digits, high half first (what `digest_hex` returns).
  std::string hex() const;
};

/// Hashes a `Digest` for unordered containers (its low half is already well mixed).
struct DigestHash {
  std::size_t operator()(const Digest& digest) const noexcept { return static_cast<std::size_t>(digest.low); }
};

/// The XXH3 128-bit digest of `bytes`.
Digest digest_of(std::string_view bytes) noexcept;

/// The digest written as `hex` (32 hex digits, either case), or `std::nullopt` for anything else.
std::optional<Digest> parse_digest(std::string_view hex) noexcept;

/// Returns the XXH3 128-bit digest of `bytes` as 32 lower-case hex digits (`digest_of(bytes).hex()`).
std::string digest_hex(std::string_view bytes);

}  // namespace dossier::analysis
