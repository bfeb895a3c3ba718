#include "dossier/searcher/watch_format.h"

#include "dossier/analysis/printable.h"
#include "dossier/analysis/utc_time.h"
#include "dossier/analysis/utf8.h"
#include "hit_json.h"

namespace dossier::searcher {
namespace {

Json iso_or_null(const std::optional<std::int64_t>& ns) {
  return ns ? Json(analysis::utc_text(*ns)) : Json();
}

Json strings(const std::vector<std::string>& values) {
  Json out = Json::array();
  for (const std::string& value : values)
    out.push_back(analysis::repair_utf8(value));
  return out;
}

// The fields a watch's definition has wherever it is shown.
Json definition_json(const analysis::Watch& watch) {
  return {{"name", analysis::repair_utf8(watch.name)},
          {"query", analysis::repair_utf8(watch.query)},
          {"countries", strings(watch.countries)},
          {"actors", strings(watch.actors)},
          {"any", watch.any}};
}

Json watch_json(const analysis::Watch& watch) {
  Json json = definition_json(watch);
  json["created"] = watch.created;
  json["last_run"] = watch.last_run.empty() ? Json() : Json(watch.last_run);
  json["reported_until"] = iso_or_null(watch.reported_until_ns);
  return json;
}

// An argument as a shell would need it quoted to give it back ("Ministry of State Security").
std::string argument(const std::string& value) {
  return value.find_first_of(" \t\"'") == std::string::npos ? value : "\"" + value + "\"";
}

std::string hits_text(const std::string& name, const SearchResult& result, const char* kind,
                      const TextStyle& style) {
  if (result.total == 0) return "";
  std::string out = analysis::printable(name) + ": " + std::to_string(result.total) + " " + kind + "\n";
  out += format_text(result, style);
  if (result.hits.size() < result.total) {
    out += "(" + std::to_string(result.hits.size()) + " of " + std::to_string(result.total) + " shown)\n";
  }
  return out;
}

void add_hits(Json& hits, const SearchResult& result, const char* kind) {
  for (const SearchHit& hit : result.hits) {
    Json json = hit_json(hit, false);
    json["change"] = kind;
    hits.push_back(std::move(json));
  }
}

}  // namespace

std::string watch_definition(const analysis::Watch& watch) {
  std::string out = watch.query;
  const auto add = [&out](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  for (const std::string& country : watch.countries)
    add("--country " + argument(country));
  for (const std::string& actor : watch.actors)
    add("--actor " + argument(actor));
  if (watch.any) add("--any");
  return out;
}

std::string format_watch_list(const std::vector<analysis::Watch>& watches) {
  std::string out;
  for (const analysis::Watch& watch : watches) {
    out += analysis::printable(watch.name) + ": " + analysis::printable(watch_definition(watch)) +
           (watch.last_run.empty() ? " (never run)" : " (last run " + watch.last_run + ")") + "\n";
  }
  return out;
}

std::string format_watch_text(const analysis::Watch& watch) {
  const auto list = [](const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& value : values)
      out += (out.empty() ? "" : ", ") + analysis::printable(value);
    return out;
  };
  return "name: " + analysis::printable(watch.name) + "\nquery: " + analysis::printable(watch.query) +
         "\ncountries: " + list(watch.countries) + "\nactors: " + list(watch.actors) +
         "\nany: " + (watch.any ? "yes" : "no") + "\ncreated: " + watch.created +
         "\nlast run: " + (watch.last_run.empty() ? "never" : watch.last_run) + "\n";
}

std::string format_watch_json(const analysis::Watch& watch) {
  return dump_json(watch_json(watch));
}

std::string format_watch_list_json(const std::vector<analysis::Watch>& watches) {
  Json list = Json::array();
  for (const analysis::Watch& watch : watches)
    list.push_back(watch_json(watch));
  return dump_json({{"version", kJsonVersion}, {"watches", std::move(list)}});
}

std::string format_watch_run_text(const std::vector<WatchMatches>& runs, const TextStyle& style) {
  std::string out;
  for (const WatchMatches& run : runs) {
    if (!run.has_news()) continue;
    if (!out.empty()) out += "\n";
    out += hits_text(run.watch.name, run.added, "new", style);
    out += hits_text(run.watch.name, run.changed, "changed", style);
  }
  return out;
}

namespace {

Json watch_run_json(const WatchMatches& run) {
  Json json = definition_json(run.watch);
  json["since"] = iso_or_null(run.since_ns);
  json["reported_until"] = analysis::utc_text(run.reported_until_ns);
  json["new"] = run.added.total;
  json["changed"] = run.changed.total;
  Json hits = Json::array();
  add_hits(hits, run.added, "new");
  add_hits(hits, run.changed, "changed");
  json["hits"] = std::move(hits);
  return json;
}

Json watch_runs_json(const std::vector<WatchMatches>& runs) {
  Json watches = Json::array();
  for (const WatchMatches& run : runs)
    watches.push_back(watch_run_json(run));
  return watches;
}

}  // namespace

std::string format_watch_run_json(const std::vector<WatchMatches>& runs) {
  return dump_json({{"version", kJsonVersion}, {"watches", watch_runs_json(runs)}});
}

std::string format_watch_run_json_array(const std::vector<WatchMatches>& runs) {
  return dump_json(watch_runs_json(runs));
}

std::string format_watch_news_json(const std::vector<WatchNews>& news) {
  Json list = Json::array();
  for (const WatchNews& item : news) {
    Json json = watch_json(item.watch);
    const bool failed = !item.error.empty();
    json["new"] = failed ? Json() : Json(item.added);
    json["changed"] = failed ? Json() : Json(item.changed);
    json["error"] = failed ? Json(analysis::repair_utf8(item.error)) : Json();
    list.push_back(std::move(json));
  }
  return dump_json({{"version", kJsonVersion}, {"watches", std::move(list)}});
}

std::string format_watch_matches_json(const WatchMatches& run) {
  Json json = {{"version", kJsonVersion}};
  json.update(watch_run_json(run));
  json["created"] = run.watch.created;
  json["last_run"] = run.watch.last_run.empty() ? Json() : Json(run.watch.last_run);
  return dump_json(json);
}

std::string format_watch_run_json_lines(const std::vector<WatchMatches>& runs) {
  std::string out;
  for (const WatchMatches& run : runs) {
    Json hits = Json::array();
    add_hits(hits, run.added, "new");
    add_hits(hits, run.changed, "changed");
    for (Json& hit : hits) {
      hit["watch"] = analysis::repair_utf8(run.watch.name);
      out += dump_json(hit) + "\n";
    }
  }
  return out;
}

}  // namespace dossier::searcher
