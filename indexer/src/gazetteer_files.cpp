#include "dossier/indexer/gazetteer_files.h"

#include "dossier/indexer/file_reader.h"

namespace dossier::indexer {
namespace {

// Gazetteer files are lists of names; anything this big is a mistake.
constexpr std::uint64_t kMaxGazetteerFileBytes = 64 << 20;

}  // namespace

analysis::Gazetteer load_gazetteer(const std::vector<std::filesystem::path>& files) {
  std::vector<analysis::GazetteerFile> user_files;
  for (const std::filesystem::path& file : files) {
    try {
      user_files.push_back({file.string(), read_regular_file(file, kMaxGazetteerFileBytes)});
    } catch (const FileReadError& e) {
      throw analysis::GazetteerError(file.string() + ": " + e.what());
    }
  }
  return analysis::Gazetteer::builtin(std::move(user_files));
}

}  // namespace dossier::indexer
