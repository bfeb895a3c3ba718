#include "dossier/indexer/index_report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "dossier/analysis/utf8.h"

namespace dossier::indexer {

namespace {

std::string report_json(const IndexReport& report, const nlohmann::ordered_json& error) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const FileError& error : report.errors) {
    errors.push_back(
        {{"path", analysis::repair_utf8(error.path)}, {"reason", analysis::repair_utf8(error.reason)}});
  }
  const nlohmann::ordered_json json = {{"indexed", report.indexed()},
                                       {"added", report.added},
                                       {"updated", report.updated},
                                       {"renamed", report.renamed},
                                       {"deleted", report.deleted},
                                       {"unchanged", report.unchanged},
                                       {"skipped", report.skipped},
                                       {"failed", report.failed},
                                       {"failed_before", report.failed_before},
                                       {"root_errors", report.root_errors},
                                       {"seconds", report.seconds},
                                       {"errors", std::move(errors)},
                                       {"error", error}};
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

std::string report_to_json(const IndexReport& report) {
  return report_json(report, nullptr);
}

std::string stopped_run_to_json(const std::string& error, double seconds) {
  IndexReport report;
  report.seconds = seconds;
  return report_json(report, analysis::repair_utf8(error));
}

std::string report_to_line(const IndexReport& report) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
  std::string line;
  const auto count = [&line](const char* label, std::size_t n) {
    line += (line.empty() ? "" : ", ") + std::string(label) + " " + std::to_string(n);
  };
  count("added", report.added);
  count("updated", report.updated);
  count("renamed", report.renamed);
  count("deleted", report.deleted);
  count("unchanged", report.unchanged);
  count("skipped", report.skipped);
  count("failed", report.failed);
  if (report.failed_before > 0) line += " (" + std::to_string(report.failed_before) + " before)";
  if (report.root_errors > 0) count("root errors", report.root_errors);
  return line + " in " + seconds + " s";
}

}  // namespace dossier::indexer
