/// \file
/// Times as the index records them and the JSON outputs print them.
#pragma once

#include <ctime>
#include <string>

namespace dossier::analysis {

/// `seconds` since the epoch in UTC, as ISO 8601 to the second: "2026-12-02T10:00:00Z".
std::string iso_utc_time(std::time_t seconds);

}  // namespace dossier::analysis
