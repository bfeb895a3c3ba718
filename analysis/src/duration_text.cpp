#include "dossier/analysis/duration_text.h"

namespace dossier::analysis {

std::string seconds_text(std::chrono::milliseconds duration) {
  const auto ms = duration.count();
  const auto magnitude = ms < 0 ? -ms : ms;
  std::string text = (ms < 0 ? "-" : "") + std::to_string(magnitude / 1000);
  if (const auto rest = magnitude % 1000; rest != 0) {
    std::string decimals = std::to_string(1000 + rest).substr(1);
    decimals.erase(decimals.find_last_not_of('0') + 1);
    text += "." + decimals;
  }
  return text + " s";
}

}  // namespace dossier::analysis
