#include "dossier/indexer/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dossier::indexer {
namespace {

// Owns a file descriptor.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) noexcept : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const noexcept { return fd_; }

 private:
  int fd_;
};

std::string errno_reason(int error) {
  std::string reason = std::strerror(error);
  if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  return reason;
}

}  // namespace

std::string read_regular_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) throw FileReadError(errno_reason(errno));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) throw FileReadError(errno_reason(errno));
  if (!S_ISREG(info.st_mode)) throw FileReadError("not a regular file");
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    throw FileReadError("larger than " + std::to_string(max_bytes) + " bytes");
  }
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(info.st_size));
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw FileReadError(errno_reason(errno));
    }
    if (n == 0) break;
    // The file may grow while it is read: the size limit holds for what is read, too.
    if (bytes.size() + static_cast<std::size_t>(n) > max_bytes) {
      throw FileReadError("larger than " + std::to_string(max_bytes) + " bytes");
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  return bytes;
}

}  // namespace dossier::indexer
