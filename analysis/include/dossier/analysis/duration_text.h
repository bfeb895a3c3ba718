/// \file
/// Durations as messages name them.
#pragma once

#include <chrono>
#include <string>

namespace dossier::analysis {

/// A duration in seconds as a user would write it: "60 s", "0.5 s", "0.001 s" (milliseconds at
/// most, trailing zeros dropped).
std::string seconds_text(std::chrono::milliseconds duration);

}  // namespace dossier::analysis
