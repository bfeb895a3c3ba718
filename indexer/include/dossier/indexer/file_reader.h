/// \file
/// Reads a file's bytes safely: only regular files, never blocking on a FIFO or device.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace dossier::indexer {

/// A file that could not be read; the message is the reason shown to the user ("permission
/// denied", "not a regular file", "larger than 100000000 bytes").
class FileReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Returns the whole content of `path`. The file is opened without blocking and checked to be a
/// regular file after opening (so a file swapped for a FIFO between walk and read is refused, not
/// waited on). Throws `FileReadError` when it cannot be opened or read, is not a regular file, or
/// is larger than `max_bytes`.
std::string read_regular_file(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace dossier::indexer
