#include "test_zip.h"

#include <zip.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace dossier::testing {
namespace {

struct SourceFree {
  void operator()(zip_source_t* source) const noexcept { zip_source_free(source); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

// The bytes libzip wrote into an in-memory source.
std::string source_bytes(zip_source_t* source) {
  if (zip_source_open(source) != 0) throw std::runtime_error("zip_source_open failed");
  zip_source_seek(source, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(source);
  zip_source_seek(source, 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  const zip_int64_t read = zip_source_read(source, bytes.data(), bytes.size());
  zip_source_close(source);
  if (read != size) throw std::runtime_error("zip_source_read failed");
  return bytes;
}

}  // namespace

std::string build_zip(const std::vector<ZipMember>& members) {
  zip_error_t error;
  zip_error_init(&error);
  const SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  zip_error_fini(&error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source failed");
  zip_source_keep(buffer.get());  // the archive releases it on close; the bytes are read after
  for (const auto& [name, content] : members) {
    zip_source_t* member = zip_source_buffer_create(content.data(), content.size(), 0, nullptr);
    if (member == nullptr || zip_file_add(archive, name.c_str(), member, ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(member);
      zip_discard(archive);
      throw std::runtime_error("zip_file_add failed");
    }
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    throw std::runtime_error("zip_close failed");
  }
  return source_bytes(buffer.get());
}

}  // namespace dossier::testing
