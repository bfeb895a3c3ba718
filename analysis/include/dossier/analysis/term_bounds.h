/// \file
/// Keeps every term under Xapian's length limit while leaving it findable by the same query.
#pragma once

#include <cstddef>
#include <string>

namespace dossier::analysis {

/// Longest unprefixed term, in bytes. Xapian rejects terms over 245 bytes (prefix included); the
/// schema's prefixes are at most 3 bytes, so this leaves a wide margin.
inline constexpr std::size_t kMaxTermBytes = 200;

/// Bytes of a long term kept readable before its digest.
inline constexpr std::size_t kBoundedTermPrefixBytes = 150;

/// Returns `term` unchanged when it fits in `kMaxTermBytes`; otherwise its first
/// `kBoundedTermPrefixBytes` (cut on a UTF-8 boundary), "#", and the 32-hex digest of the whole
/// term. The same long token therefore always maps to the same bounded term, at index and at query
/// time, and two long tokens that differ anywhere map to different terms.
std::string bound_term(std::string term);

}  // namespace dossier::analysis
