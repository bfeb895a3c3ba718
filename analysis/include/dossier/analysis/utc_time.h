/// \file
/// Times as the index records them and the outputs print them: ISO 8601 in UTC, from seconds or
/// from index times (nanoseconds since the epoch), and back.
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace dossier::analysis {

/// `seconds` since the epoch in UTC, as ISO 8601 to the second: "2026-12-02T10:00:00Z".
std::string iso_utc_time(std::time_t seconds);

/// The index time `ns` as `iso_utc_time` writes it (rounded down to the second).
std::string utc_text(std::int64_t ns);

/// Parses "YYYY-MM-DD" (midnight), "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS", each optionally
/// ending in "Z" (a space may stand for the "T"), as UTC, from 1970 to 2261 (what nanoseconds
/// since the epoch can hold); nullopt for anything else, an impossible date or time included.
std::optional<std::int64_t> parse_utc_time(std::string_view text);

}  // namespace dossier::analysis
