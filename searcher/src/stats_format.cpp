#include <nlohmann/json.hpp>

#include "dossier/analysis/printable.h"
#include "dossier/analysis/utf8.h"
#include "dossier/searcher/index_stats.h"
#include "dossier/searcher/result_format.h"

namespace dossier::searcher {
namespace {

using Json = nlohmann::ordered_json;

Json last_run_json(const LastRun& run) {
  return {{"finished", run.finished},
          {"seconds", run.seconds},
          {"added", run.added},
          {"updated", run.updated},
          {"renamed", run.renamed},
          {"deleted", run.deleted},
          {"unchanged", run.unchanged},
          {"skipped", run.skipped},
          {"failed", run.failed},
          {"failed_before", run.failed_before},
          {"root_errors", run.root_errors}};
}

std::string human_bytes(std::uint64_t bytes) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1000 && unit + 1 < std::size(units)) {
    value /= 1000;
    ++unit;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  return buffer;
}

std::string facet_line(const char* label, const std::vector<FacetValue>& values) {
  std::string line = std::string(label) + ":";
  if (values.empty()) return line + " none\n";
  for (std::size_t i = 0; i < values.size(); ++i) {
    line += (i == 0 ? " " : ", ") + analysis::printable(values[i].name) + " (" +
            std::to_string(values[i].count) + ")";
  }
  return line + "\n";
}

}  // namespace

std::string stats_to_json(const IndexStats& stats) {
  Json roots = Json::array();
  for (const RootStats& root : stats.roots) {
    roots.push_back({{"path", analysis::repair_utf8(root.path)}, {"documents", root.documents}});
  }
  Json failed = Json::array();
  for (const FailedFile& file : stats.failed_files) {
    failed.push_back({{"path", analysis::repair_utf8(file.path)},
                      {"reason", analysis::repair_utf8(file.reason)},
                      {"since", file.since.empty() ? Json() : Json(file.since)}});
  }
  const Json json = {{"version", kJsonVersion},
                     {"database", analysis::repair_utf8(stats.database)},
                     {"documents", stats.documents},
                     {"size_bytes", stats.size_bytes},
                     {"roots", std::move(roots)},
                     {"last_run", stats.last_run ? last_run_json(*stats.last_run) : Json()},
                     {"countries", facet_values_json(stats.countries, FacetFields::Plain)},
                     {"actors", facet_values_json(stats.actors, FacetFields::Actor)},
                     {"failed_files", std::move(failed)}};
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string stats_to_text(const IndexStats& stats) {
  std::string out =
      "index: " + analysis::printable(stats.database) + " (" + human_bytes(stats.size_bytes) + ")\n";
  out += "documents: " + std::to_string(stats.documents) + "\n";
  for (const RootStats& root : stats.roots) {
    out +=
        "root: " + analysis::printable(root.path) + " (" + std::to_string(root.documents) + " documents)\n";
  }
  if (stats.last_run) {
    const LastRun& run = *stats.last_run;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", run.seconds);
    out += "last run: " + run.finished + " in " + seconds + " s: added " + std::to_string(run.added) +
           ", updated " + std::to_string(run.updated) + ", renamed " + std::to_string(run.renamed) +
           ", deleted " + std::to_string(run.deleted) + ", unchanged " + std::to_string(run.unchanged) +
           ", skipped " + std::to_string(run.skipped) + ", failed " + std::to_string(run.failed) +
           (run.failed_before > 0 ? " (" + std::to_string(run.failed_before) + " before)" : std::string()) +
           (run.root_errors > 0 ? ", root errors " + std::to_string(run.root_errors) : std::string()) + "\n";
  } else {
    out += "last run: none completed\n";
  }
  out += facet_line("top countries", stats.countries);
  out += facet_line("top actors", stats.actors);
  out += "failing files: " + std::to_string(stats.failed_files.size()) + "\n";
  for (const FailedFile& file : stats.failed_files) {
    out += "  " + analysis::printable(file.path) + ": " + analysis::printable(file.reason) +
           (file.since.empty() ? std::string() : " (since " + file.since + ")") + "\n";
  }
  return out;
}

}  // namespace dossier::searcher
