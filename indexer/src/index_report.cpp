#include "dossier/indexer/index_report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "dossier/analysis/utf8.h"

namespace dossier::indexer {

std::string report_to_json(const IndexReport& report) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const FileError& error : report.errors) {
    errors.push_back(
        {{"path", analysis::repair_utf8(error.path)}, {"reason", analysis::repair_utf8(error.reason)}});
  }
  const nlohmann::ordered_json json = {{"indexed", report.indexed},
                                       {"skipped", report.skipped},
                                       {"failed", report.failed},
                                       {"seconds", report.seconds},
                                       {"errors", std::move(errors)}};
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string report_to_line(const IndexReport& report) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
  return "indexed " + std::to_string(report.indexed) + ", skipped " + std::to_string(report.skipped) +
         ", failed " + std::to_string(report.failed) + " in " + seconds + " s";
}

}  // namespace dossier::indexer
