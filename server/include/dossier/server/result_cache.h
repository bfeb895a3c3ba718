/// \file
/// Answers already given, kept for the index revision they were computed on: the same search
/// asked again (the back button, a facet clicked twice, a second analyst) is answered without
/// matching again, and a new commit makes every kept answer stale at once.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "dossier/server/api_params.h"

namespace dossier::server {

/// A least-recently-used map from a request to its JSON body, bounded in bytes. Thread-safe.
class ResultCache {
 public:
  /// Keeps at most `max_bytes` of keys and bodies together; 0 keeps nothing.
  explicit ResultCache(std::size_t max_bytes);

  /// The body kept for `key` when it was computed at `revision`; none otherwise (an entry of an
  /// older revision is dropped). An empty revision never matches.
  std::optional<std::string> find(const std::string& key, const std::string& revision);

  /// Keeps `body` for `key` at `revision`, dropping the least recently used entries to make room;
  /// a body larger than a quarter of the cache is not kept.
  void store(const std::string& key, const std::string& revision, std::string body);

  std::size_t hits() const;
  std::size_t misses() const;

 private:
  struct Entry {
    std::string key;
    std::string revision;
    std::string body;
  };
  void drop(std::list<Entry>::iterator entry);

  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

/// The cache key of a request to `path` with `params`: the same for the same parameters in any
/// order, different for any other (each name and value is length-prefixed).
std::string cache_key(const std::string& path, const QueryParams& params);

}  // namespace dossier::server
