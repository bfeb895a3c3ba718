// The time as the index records it.
#pragma once

#include <ctime>
#include <string>

#include "dossier/analysis/utc_time.h"

namespace dossier::indexer {

/// Now, in UTC, as ISO 8601 to the second: "2026-12-02T10:00:00Z".
inline std::string utc_now() {
  return analysis::iso_utc_time(std::time(nullptr));
}

}  // namespace dossier::indexer
