#include "dossier/indexer/failure_memory.h"

#include <string_view>

#include "dossier/analysis/schema.h"

namespace dossier::indexer {
namespace {

namespace schema = analysis::schema;

std::string key_for(const std::string& path_digest) {
  return std::string(schema::kFailedKeyPrefix) + path_digest;
}

// "size TAB mtime TAB root digest TAB reason" (the reason may hold anything but a line break).
std::string encode(const RememberedFailure& failure) {
  return std::to_string(failure.size) + '\t' + std::to_string(failure.mtime_ns) + '\t' + failure.root_digest +
         '\t' + failure.reason;
}

bool decode(std::string_view value, RememberedFailure& failure) {
  std::size_t tabs[3] = {};
  std::size_t from = 0;
  for (std::size_t& tab : tabs) {
    tab = value.find('\t', from);
    if (tab == std::string_view::npos) return false;
    from = tab + 1;
  }
  try {
    failure.size = std::stoull(std::string(value.substr(0, tabs[0])));
    failure.mtime_ns = std::stoll(std::string(value.substr(tabs[0] + 1, tabs[1] - tabs[0] - 1)));
  } catch (const std::exception&) {
    return false;
  }
  failure.root_digest = std::string(value.substr(tabs[1] + 1, tabs[2] - tabs[1] - 1));
  failure.reason = std::string(value.substr(tabs[2] + 1));
  return true;
}

}  // namespace

FailureMemory FailureMemory::load(const IndexWriter& writer) {
  FailureMemory memory;
  for (const std::string& key : writer.metadata_keys(std::string(schema::kFailedKeyPrefix))) {
    RememberedFailure failure;
    if (decode(writer.metadata(key), failure)) {
      memory.failures_[key.substr(schema::kFailedKeyPrefix.size())] = std::move(failure);
    }
  }
  return memory;
}

const RememberedFailure* FailureMemory::find(const std::string& path_digest) const {
  const auto it = failures_.find(path_digest);
  return it == failures_.end() ? nullptr : &it->second;
}

void FailureMemory::remember(IndexWriter& writer, const std::string& path_digest,
                             const RememberedFailure& failure) {
  writer.set_metadata(key_for(path_digest), encode(failure));
  failures_[path_digest] = failure;
}

void FailureMemory::forget(IndexWriter& writer, const std::string& path_digest) {
  if (failures_.erase(path_digest) > 0) writer.set_metadata(key_for(path_digest), "");
}

}  // namespace dossier::indexer
