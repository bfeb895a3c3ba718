#include "dossier/analysis/utc_time.h"

namespace dossier::analysis {

std::string iso_utc_time(std::time_t seconds) {
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace dossier::analysis
