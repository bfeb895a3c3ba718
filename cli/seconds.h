/// \file
/// Flags given in seconds (`--wait`, `--timeout`, `--extract-timeout`), as the libraries take them.
#pragma once

#include <chrono>
#include <cstdint>

namespace dossier::cli {

/// `seconds` (a flag's value, fractions allowed) as whole milliseconds, rounded down.
inline std::chrono::milliseconds milliseconds_of(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

}  // namespace dossier::cli
