#include "link_loops.h"

#include <vector>

#include "dossier/analysis/schema.h"

namespace dossier::indexer {
namespace {

namespace schema = analysis::schema;

std::string key_for(const std::string& path_digest) {
  return std::string(schema::kLoopKeyPrefix) + path_digest;
}

}  // namespace

LinkLoops LinkLoops::load(const IndexWriter& writer) {
  LinkLoops loops;
  for (const std::string& key : writer.metadata_keys(std::string(schema::kLoopKeyPrefix))) {
    const std::string value = writer.metadata(key);
    loops.roots_[key.substr(schema::kLoopKeyPrefix.size())] = value.substr(0, value.find('\t'));
  }
  return loops;
}

bool LinkLoops::meet(IndexWriter& writer, const std::string& path_digest, const std::string& root_digest,
                     const std::string& reason) {
  met_.insert(path_digest);
  const auto [it, added] = roots_.try_emplace(path_digest, root_digest);
  if (!added && it->second == root_digest) return false;
  it->second = root_digest;
  writer.set_metadata(key_for(path_digest), root_digest + '\t' + reason);
  return true;
}

void LinkLoops::forget_unmet(IndexWriter& writer, const std::unordered_set<std::string>& roots) {
  forget_if(writer, [&](const std::string& path_digest, const std::string& root_digest) {
    return !met_.contains(path_digest) && roots.contains(root_digest);
  });
}

std::size_t LinkLoops::forget_root(IndexWriter& writer, const std::string& root_digest) {
  return forget_if(writer, [&](const std::string&, const std::string& root) { return root == root_digest; });
}

std::size_t LinkLoops::forget_if(IndexWriter& writer,
                                 const std::function<bool(const std::string&, const std::string&)>& gone) {
  std::vector<std::string> forgotten;
  for (const auto& [path_digest, root_digest] : roots_) {
    if (gone(path_digest, root_digest)) forgotten.push_back(path_digest);
  }
  for (const std::string& path_digest : forgotten) {
    writer.set_metadata(key_for(path_digest), "");
    roots_.erase(path_digest);
  }
  return forgotten.size();
}

}  // namespace dossier::indexer
