/// \file
/// Renders saved watches and their runs for people (terminal text) and scripts (JSON, JSON lines).
/// The JSON shapes are interfaces documented in DESIGN.md: add fields, never rename or remove one.
#pragma once

#include <string>
#include <vector>

#include "dossier/analysis/watch.h"
#include "dossier/searcher/result_format.h"
#include "dossier/searcher/watch_run.h"

namespace dossier::searcher {

/// The watch as one command line would give it again: "APT40 --country Norway --actor MSS --any".
std::string watch_definition(const analysis::Watch& watch);

/// One line per watch: "NAME: DEFINITION (last run 2026-12-02T10:00:00Z)" or "(never run)",
/// printable; "" for none.
std::string format_watch_list(const std::vector<analysis::Watch>& watches);

/// One watch, a "field: value" line each: name, query, countries, actors, any, created, last run.
std::string format_watch_text(const analysis::Watch& watch);

/// The watch as a JSON object: {"name", "query", "countries", "actors", "any", "created",
/// "last_run" (null: never), "reported_until" (ISO 8601 UTC, null: never)}.
std::string format_watch_json(const analysis::Watch& watch);

/// `{"version": 1, "watches": [watch objects as format_watch_json]}`.
std::string format_watch_list_json(const std::vector<analysis::Watch>& watches);

/// For each watch with news: "NAME: N new" and its hits as `format_text` shows them, then, when
/// some matches changed, "NAME: N changed" and theirs; "(10 of 12 shown)" after a list cut short.
/// Watches without news print nothing: "" when nothing is new.
std::string format_watch_run_text(const std::vector<WatchMatches>& runs, const TextStyle& style);

/// `{"version": 1, "watches": [{"name", "query", "countries", "actors", "any", "since" (ISO 8601
/// UTC, null: never run), "reported_until", "new" (exact count), "changed" (exact count), "hits":
/// [hit objects as format_json's, plus "change": "new" or "changed"]}]}`: every watch run, news
/// or not.
std::string format_watch_run_json(const std::vector<WatchMatches>& runs);

/// The "watches" array of `format_watch_run_json` alone (for `dossier index --json --watch`).
std::string format_watch_run_json_array(const std::vector<WatchMatches>& runs);

/// For `GET /api/watches`: `{"version": 1, "watches": [watch objects as format_watch_json, plus
/// "new" and "changed" (exact counts since its last recorded run, null when it failed) and
/// "error" (null, or why it could not run)]}`.
std::string format_watch_news_json(const std::vector<WatchNews>& news);

/// For `GET /api/watches/NAME`: the object of one watch in `format_watch_run_json` ("name",
/// "query", "countries", "actors", "any", "since", "reported_until", "new", "changed", "hits"),
/// plus "version", "created" and "last_run".
std::string format_watch_matches_json(const WatchMatches& run);

/// One line per hit of every watch: the hit object plus "watch" (its name) and "change".
std::string format_watch_run_json_lines(const std::vector<WatchMatches>& runs);

}  // namespace dossier::searcher
