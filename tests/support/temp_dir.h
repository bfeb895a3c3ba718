/// \file
/// A temporary folder that deletes itself.
#pragma once

#include <filesystem>
#include <string_view>

namespace dossier::testing {

/// Creates a fresh folder under the system temporary directory; removes it and everything in it
/// when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const noexcept { return path_; }

  /// Writes `content` to `relative` (creating parent folders) and returns the full path.
  std::filesystem::path write(const std::filesystem::path& relative, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace dossier::testing
