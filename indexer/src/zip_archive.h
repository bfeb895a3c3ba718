/// \file
/// Reading members of a zip archive held in memory, with limits against zip bombs (private to the
/// indexer; the DOCX and ODT extractors use it).
#pragma once

#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace dossier::indexer {

/// How much an archive may expand. Reading stops with `ExtractionError` at the first limit crossed.
struct ZipLimits {
  std::uint64_t max_total_bytes = std::uint64_t{256} << 20;  ///< all members read, uncompressed
  std::uint64_t max_ratio = 200;                             ///< uncompressed / compressed size...
  std::uint64_t ratio_floor_bytes = std::uint64_t{1} << 20;  ///< ...checked once a member passes this
};

/// A read-only zip archive over bytes owned by the caller (which must outlive it). Not thread-safe.
class ZipArchive {
 public:
  /// Opens `bytes` as a zip archive, or returns nullopt when they are not one (or are damaged
  /// beyond libzip's reading).
  static std::optional<ZipArchive> open(std::string_view bytes, ZipLimits limits = {});

  /// The uncompressed content of member `name` (exact path, e.g. "word/document.xml"), or nullopt
  /// when there is no such member. Throws `ExtractionError` when the member is damaged or
  /// encrypted, when the archive's total would pass `max_total_bytes`, or when the member expands
  /// more than `max_ratio` times past `ratio_floor_bytes`.
  std::optional<std::string> read(const std::string& name);

 private:
  struct Discard {
    void operator()(zip_t* archive) const noexcept { zip_discard(archive); }
  };

  ZipArchive(zip_t* archive, ZipLimits limits) noexcept : archive_(archive), limits_(limits) {}

  std::unique_ptr<zip_t, Discard> archive_;
  ZipLimits limits_;
  std::uint64_t total_read_ = 0;
};

}  // namespace dossier::indexer
