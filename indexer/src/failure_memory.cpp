#include "dossier/indexer/failure_memory.h"

#include "dossier/analysis/schema.h"

namespace dossier::indexer {
namespace {

namespace schema = analysis::schema;

std::string key_for(const std::string& path_digest) {
  return std::string(schema::kFailedKeyPrefix) + path_digest;
}

}  // namespace

FailureMemory FailureMemory::load(const IndexWriter& writer) {
  FailureMemory memory;
  for (const std::string& key : writer.metadata_keys(std::string(schema::kFailedKeyPrefix))) {
    if (auto failure = analysis::decode_failure(writer.metadata(key))) {
      memory.failures_[key.substr(schema::kFailedKeyPrefix.size())] = std::move(*failure);
    }
  }
  return memory;
}

const analysis::FailureRecord* FailureMemory::find(const std::string& path_digest) const {
  const auto it = failures_.find(path_digest);
  return it == failures_.end() ? nullptr : &it->second;
}

void FailureMemory::remember(IndexWriter& writer, const std::string& path_digest,
                             analysis::FailureRecord failure) {
  if (const analysis::FailureRecord* earlier = find(path_digest); earlier && !earlier->since.empty()) {
    failure.since = earlier->since;
  }
  writer.set_metadata(key_for(path_digest), analysis::encode_failure(failure));
  failures_[path_digest] = std::move(failure);
}

void FailureMemory::forget(IndexWriter& writer, const std::string& path_digest) {
  if (failures_.erase(path_digest) > 0) writer.set_metadata(key_for(path_digest), "");
}

}  // namespace dossier::indexer
