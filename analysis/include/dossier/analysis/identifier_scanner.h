/// \file
/// Finds the identifiers analysts search for verbatim (CVE ids, IP addresses, domains, hashes) so that
/// they are indexed whole instead of being split by word segmentation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis {

/// What an identifier is; the kind decides its canonical form and whether it has searchable parts.
enum class IdentifierKind { Cve, Ipv4, Ipv6, Domain, Md5, Sha1, Sha256, Sha512 };

/// Returns a stable lower-case name for `kind` ("cve", "ipv4", "sha256"...).
std::string_view identifier_kind_name(IdentifierKind kind) noexcept;

/// One identifier found in a text.
struct IdentifierSpan {
  std::size_t begin = 0;  ///< byte offset of the first byte in the scanned text
  std::size_t end = 0;    ///< byte offset one past the last byte
  IdentifierKind kind = IdentifierKind::Domain;
  std::string canonical;           ///< the form that is indexed: lower case, refanged, IPv6 compressed
  std::vector<std::string> parts;  ///< sub-words also made findable (domain labels, "cve", year, number)
};

/// Scans `text` (UTF-8; invalid bytes are tolerated) and returns the identifiers in order, never
/// overlapping. Recognised: `CVE-YYYY-NNNN+`; dotted-quad IPv4; IPv6 (validated, compressed);
/// domains (two or more labels, alphabetic top-level label of 2..24 letters in one case); MD5,
/// SHA-1, SHA-256 and SHA-512 as 32/40/64/128 hex digits. Defanged dots (`[.]`, `(.)`) are
/// accepted. A candidate glued to a Latin, Greek or Cyrillic letter is not an identifier.
std::vector<IdentifierSpan> find_identifiers(std::string_view text);

}  // namespace dossier::analysis
