/// \file
/// How the index remembers a file that failed (metadata `dossier.failed.<path digest>`): written
/// by the indexer, listed by `dossier stats`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dossier::analysis {

/// A file that could not be indexed, as it was when it failed.
struct FailureRecord {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string root_digest;  ///< `digest_hex` of the root it was found under
  std::string since;        ///< when it first failed (and has failed since), UTC ISO 8601
  std::string path;         ///< absolute, as the file system gave it (any bytes)
  std::string reason;       ///< one line
};

/// "size TAB mtime TAB root digest TAB since TAB path length TAB path TAB reason": the path is
/// length-prefixed, since a file name may hold tabs and line breaks; the reason comes last.
std::string encode_failure(const FailureRecord& record);

/// Decodes `encode_failure`; nullopt for anything else (a damaged or foreign value).
std::optional<FailureRecord> decode_failure(std::string_view value);

}  // namespace dossier::analysis
