#include "zip_archive.h"

#include <algorithm>
#include <array>

#include "dossier/indexer/extracted_document.h"

namespace dossier::indexer {
namespace {

struct FileClose {
  void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};

struct SourceFree {
  void operator()(zip_source_t* source) const noexcept { zip_source_free(source); }
};

// A member's size field can lie; memory is reserved only up to this and grows as data arrives.
constexpr std::uint64_t kMaxReserveBytes = std::uint64_t{16} << 20;

}  // namespace

std::optional<ZipArchive> ZipArchive::open(std::string_view bytes, ZipLimits limits) {
  if (bytes.empty()) return std::nullopt;  // libzip reads no bytes as an empty archive
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFree> source(
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error));
  zip_t* archive = source ? zip_open_from_source(source.get(), ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) return std::nullopt;
  source.release();  // the archive owns its source from here on
  return ZipArchive(archive, limits);
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_.get(), name.c_str(), 0, &stat) != 0) return std::nullopt;
  const std::uint64_t budget = limits_.max_total_bytes - total_read_;
  const std::uint64_t declared = (stat.valid & ZIP_STAT_SIZE) != 0 ? stat.size : 0;
  const std::uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : 0;
  const std::string too_large =
      "zip member " + name + " expands beyond " + std::to_string(limits_.max_total_bytes >> 20) + " MiB";
  if (declared > budget) throw ExtractionError(too_large);

  const std::unique_ptr<zip_file_t, FileClose> file(zip_fopen(archive_.get(), name.c_str(), 0));
  if (!file) {
    const int code = zip_error_code_zip(zip_get_error(archive_.get()));
    const bool encrypted =
        code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP;
    throw ExtractionError((encrypted ? "encrypted zip member " : "damaged zip member ") + name);
  }
  std::string content;
  content.reserve(std::min(declared, kMaxReserveBytes));
  std::array<char, 64 * 1024> buffer{};
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) throw ExtractionError("damaged zip member " + name);
    if (n == 0) break;
    content.append(buffer.data(), static_cast<std::size_t>(n));
    if (content.size() > budget) throw ExtractionError(too_large);
    // Deflate can expand about 1000 times: such a ratio means a zip bomb, not a document.
    if (content.size() > limits_.ratio_floor_bytes &&
        content.size() / std::max<std::uint64_t>(compressed, 1) > limits_.max_ratio) {
      throw ExtractionError("zip member " + name + " has a suspicious compression ratio (zip bomb?)");
    }
  }
  total_read_ += content.size();
  return content;
}

}  // namespace dossier::indexer
