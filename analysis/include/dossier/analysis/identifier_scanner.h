/// \file
/// Finds the identifiers analysts search for verbatim (CVE ids, IP addresses, domains, hashes) so that
/// they are indexed whole instead of being split by word segmentation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis {

/// What an identifier is; the kind decides its canonical form and whether it has searchable parts.
enum class IdentifierKind { Cve, Ipv4, Ipv6, Domain, Md5, Sha1, Sha256, Sha512 };

/// Returns a stable lower-case name for `kind` ("cve", "ipv4", "sha256"...).
std::string_view identifier_kind_name(IdentifierKind kind) noexcept;

/// A word of an identifier, or an identifier inside it, made findable on its own: the labels of
/// a domain and the words of each ("norway-2024-threat-assessment.txt": norway, 2024, threat,
/// assessment, txt), "cve", year and number of a CVE id, a CVE id inside a domain.
struct IdentifierPart {
  std::size_t begin = 0;     ///< byte offset of its first byte in the scanned text
  std::size_t end = 0;       ///< one past its last byte
  std::uint32_t offset = 0;  ///< which word of the identifier it starts at (0: the first)
  std::string canonical;     ///< its indexed form: the word in lower case, or the inner identifier's form
  std::optional<IdentifierKind> identifier;  ///< set for an identifier inside this one
};

/// Whether an identifier stands for the text it covers or lies inside a longer run of text.
enum class IdentifierPlacement {
  Whole,   ///< the whole run ("evil.example.com"): one token, instead of the words ICU would see
  Inside,  ///< inside a run that is no identifier ("log4j-cve-2021-44228-hotpatch"): found beside
           ///< the run's words, which stay tokens of their own
};

/// One identifier found in a text.
struct IdentifierSpan {
  std::size_t begin = 0;  ///< byte offset of the first byte in the scanned text
  std::size_t end = 0;    ///< byte offset one past the last byte
  IdentifierKind kind = IdentifierKind::Domain;
  std::string canonical;  ///< the form that is indexed: lower case, refanged, IPv6 compressed
  /// For a `Whole` identifier with several words (CVE ids, domains): each word (an ASCII letter
  /// and digit run), then any CVE id inside it, in text order of their first words. Empty for IP
  /// addresses, hashes and `Inside` identifiers.
  std::vector<IdentifierPart> parts;
  /// How many words the identifier spans (the word positions it takes): 1 for IP addresses and
  /// hashes, its number of words otherwise.
  std::uint32_t words = 1;
  IdentifierPlacement placement = IdentifierPlacement::Whole;
};

/// Longest run of letters, digits and `. - _ :` examined for identifiers, in bytes: longer runs
/// (a line of dashes, a base64 blob) are neither identifiers nor hold any.
inline constexpr std::size_t kMaxIdentifierRunBytes = 1024;

/// Scans `text` (UTF-8; invalid bytes are tolerated) and returns the identifiers in order of their
/// first byte. Recognised: `CVE-YYYY-NNNN+`; dotted-quad IPv4; IPv6 (validated, compressed);
/// domains (two or more labels, alphabetic top-level label of 2..24 letters in one case); MD5,
/// SHA-1, SHA-256 and SHA-512 as 32/40/64/128 hex digits. Defanged dots (`[.]`, `(.)`) are
/// accepted. A candidate glued to a Latin, Greek or Cyrillic letter is not an identifier. A run
/// that is no identifier as a whole is searched for identifiers inside it (`Inside`): a CVE id
/// between hyphens ("log4j-cve-2021-44228-hotpatch"), and identifiers between `_` or `:`
/// ("5f4d...99_payload.exe", "sha256:9f86...") or hyphens ("10.0.0.1-10.0.0.255"). `Whole`
/// identifiers never overlap; `Inside` ones lie in runs no `Whole` identifier covers.
std::vector<IdentifierSpan> find_identifiers(std::string_view text);

}  // namespace dossier::analysis
