// The time as the index records it.
#pragma once

#include <ctime>
#include <string>

namespace dossier::indexer {

/// Now, in UTC, as ISO 8601 to the second: "2026-12-02T10:00:00Z".
inline std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace dossier::indexer
