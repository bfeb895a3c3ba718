#include "dossier/server/result_cache.h"

#include <algorithm>
#include <vector>

namespace dossier::server {

ResultCache::ResultCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

std::optional<std::string> ResultCache::find(const std::string& key, const std::string& revision) {
  std::lock_guard lock(mutex_);
  const auto it = index_.find(key);
  if (it == index_.end() || revision.empty()) {
    ++misses_;
    return std::nullopt;
  }
  if (it->second->revision != revision) {
    drop(it->second);
    ++misses_;
    return std::nullopt;
  }
  entries_.splice(entries_.begin(), entries_, it->second);
  ++hits_;
  return it->second->body;
}

void ResultCache::store(const std::string& key, const std::string& revision, std::string body) {
  const std::size_t size = key.size() + body.size();
  if (revision.empty() || size > max_bytes_ / 4) return;
  std::lock_guard lock(mutex_);
  if (const auto it = index_.find(key); it != index_.end()) drop(it->second);
  while (!entries_.empty() && bytes_ + size > max_bytes_)
    drop(std::prev(entries_.end()));
  entries_.push_front({key, revision, std::move(body)});
  index_.emplace(key, entries_.begin());
  bytes_ += size;
}

void ResultCache::drop(std::list<Entry>::iterator entry) {
  bytes_ -= entry->key.size() + entry->body.size();
  index_.erase(entry->key);
  entries_.erase(entry);
}

std::size_t ResultCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

std::size_t ResultCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

std::string cache_key(const std::string& path, const QueryParams& params) {
  std::vector<std::pair<std::string, std::string>> sorted(params.begin(), params.end());
  std::sort(sorted.begin(), sorted.end());
  std::string key = std::to_string(path.size()) + ":" + path;
  for (const auto& [name, value] : sorted)
    key += std::to_string(name.size()) + ":" + name + std::to_string(value.size()) + ":" + value;
  return key;
}

}  // namespace dossier::server
