#include "dossier/searcher/timeline.h"

#include <algorithm>

namespace dossier::searcher {
namespace {

bool all_digits(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Timeline timeline_of(const std::map<std::string, std::size_t>& periods, std::size_t total) {
  Timeline timeline;
  std::size_t dated = 0;
  // Zero-padded digits: the map's text order is time order.
  for (const auto& [period, count] : periods) {
    if (!all_digits(period)) continue;
    if (period.size() == 6) {
      timeline.months.push_back({period.substr(0, 4) + "-" + period.substr(4), count});
    } else if (period.size() == 4) {
      timeline.years.push_back({period, count});
    } else {
      continue;
    }
    dated += count;
  }
  timeline.undated = total > dated ? total - dated : 0;
  return timeline;
}

}  // namespace dossier::searcher
