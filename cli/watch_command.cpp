// `dossier watch add NAME QUERY... [--country X]... [--actor Y]... [--any]`, `watch list`,
// `watch show NAME`, `watch remove NAME`, `watch run [NAME...] [--since T | --since-last]`, each
// with [--db DIR]; [--wait SECONDS] where the index is written; [--json] where output is data.
//
// One CLI11 subcommand whose first word is the action: the argument classifier knows one level of
// commands, and this way `-word` in a watch's query is a NOT term just as in `dossier search`.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "command_line.h"
#include "dossier/analysis/printable.h"
#include "dossier/analysis/utc_time.h"
#include "dossier/indexer/index_writer.h"
#include "dossier/indexer/watch_store.h"
#include "dossier/searcher/search_errors.h"
#include "dossier/searcher/searcher.h"
#include "dossier/searcher/watch_format.h"
#include "environment.h"
#include "exit_codes.h"
#include "flag_values.h"
#include "locked_index.h"
#include "seconds.h"
#include "usage_error.h"
#include "value_checks.h"
#include "watch_runs.h"

namespace dossier::cli {
namespace {

struct WatchFlags {
  std::vector<std::string> words;  // the action, then its name(s) and query words
  std::optional<std::string> database;
  std::vector<std::string> countries;
  std::vector<std::string> actors;
  bool any = false;
  std::optional<std::string> since;
  bool since_last = false;
  std::optional<std::size_t> limit;
  std::optional<std::string> format;
  bool json = false;
  double wait_seconds = 0;
};

// Which actions each flag belongs to; a flag given to another action is a usage error.
void check_flags(const WatchFlags& flags, const std::string& action) {
  const auto only = [&action](bool given, const char* flag, std::initializer_list<const char*> actions) {
    if (!given) return;
    std::string names;
    for (const char* name : actions) {
      if (action == name) return;
      names += (names.empty() ? "'watch " : " or 'watch ") + std::string(name) + "'";
    }
    throw UsageError(std::string(flag) + ": applies only to " + names + ", not to 'watch " + action + "'");
  };
  only(!flags.countries.empty(), "--country", {"add"});
  only(!flags.actors.empty(), "--actor", {"add"});
  only(flags.any, "--any", {"add"});
  only(flags.since.has_value(), "--since", {"run"});
  only(flags.since_last, "--since-last", {"run"});
  only(flags.limit.has_value(), "--limit", {"run"});
  only(flags.format.has_value(), "--format", {"run"});
  only(flags.json, "--json", {"add", "list", "show", "run"});
  only(flags.wait_seconds > 0, "--wait", {"add", "remove", "run"});
  if (flags.since && flags.since_last) throw UsageError("--since and --since-last: choose one");
  if (flags.json && flags.format && *flags.format != "json")
    throw UsageError("--json and --format " + *flags.format + ": choose one (--json is --format json)");
}

std::filesystem::path database_of(const WatchFlags& flags) {
  return resolve_database(flags.database, read_database_environment());
}

// The words after the action: exactly one name for show and remove.
const std::string& one_name(const WatchFlags& flags, const std::string& action) {
  if (flags.words.size() != 2)
    throw UsageError("watch " + action + ": give one watch NAME (see 'dossier watch --help')");
  return flags.words[1];
}

std::string joined_query(const WatchFlags& flags) {
  std::string query;
  for (std::size_t i = 2; i < flags.words.size(); ++i)
    query += (query.empty() ? "" : " ") + flags.words[i];
  return query;
}

// A watch's query and names are checked against the index once it holds documents (and so knows
// the countries and actors), so that a typo is told now rather than at its first run.
void check_watch(const std::filesystem::path& database, const analysis::Watch& watch) {
  if (const std::string problem = analysis::watch_problem(watch); !problem.empty()) throw UsageError(problem);
  std::error_code error;
  if (!std::filesystem::exists(database, error)) return;
  searcher::Searcher searcher(database);
  if (!searcher.latest_change()) return;
  searcher::SearchRequest request = searcher::watch_search(watch);
  request.limit = 0;
  searcher.search(request);
}

int add(const WatchFlags& flags) {
  if (flags.words.size() < 2) throw UsageError("watch add: give a NAME, then the query words");
  analysis::Watch watch;
  watch.name = flags.words[1];
  watch.query = joined_query(flags);
  watch.countries = flags.countries;
  watch.actors = flags.actors;
  watch.any = flags.any;
  const std::filesystem::path database = database_of(flags);
  check_watch(database, watch);
  watch = indexer::add_watch({database, milliseconds_of(flags.wait_seconds)}, std::move(watch));
  if (flags.json) std::printf("%s\n", searcher::format_watch_json(watch).c_str());
  return kExitOk;
}

int list(const WatchFlags& flags) {
  if (flags.words.size() > 1) throw UsageError("watch list: takes no NAME (see 'dossier watch show NAME')");
  searcher::Searcher searcher(database_of(flags));
  const std::vector<analysis::Watch> watches = searcher.watches();
  if (flags.json) {
    std::printf("%s\n", searcher::format_watch_list_json(watches).c_str());
  } else {
    std::fputs(searcher::format_watch_list(watches).c_str(), stdout);
  }
  return kExitOk;
}

int show(const WatchFlags& flags) {
  const std::string& name = one_name(flags, "show");
  searcher::Searcher searcher(database_of(flags));
  for (const analysis::Watch& watch : searcher.watches()) {
    if (watch.name != name) continue;
    std::fputs(
        (flags.json ? searcher::format_watch_json(watch) + "\n" : searcher::format_watch_text(watch)).c_str(),
        stdout);
    return kExitOk;
  }
  throw searcher::WatchNotFoundError(name);
}

int remove(const WatchFlags& flags) {
  const std::string& name = one_name(flags, "remove");
  if (!indexer::remove_watch({database_of(flags), milliseconds_of(flags.wait_seconds)}, name))
    throw searcher::WatchNotFoundError(name);
  return kExitOk;
}

int run(const WatchFlags& flags) {
  WatchRunFlags run;
  run.database = database_of(flags);
  run.names.assign(flags.words.begin() + 1, flags.words.end());
  if (flags.since) {
    run.since_ns = analysis::parse_utc_time(*flags.since);
    if (!run.since_ns)
      throw UsageError("--since: '" + analysis::printable(*flags.since) +
                       "' is not a UTC time (use YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS)");
  }
  if (flags.limit) run.limit = *flags.limit;
  run.format = flags.json ? "json" : flags.format.value_or("text");
  run.wait_seconds = flags.wait_seconds;
  return run_and_print_watches(run);
}

int run_watch_command(const WatchFlags& flags) {
  if (flags.words.empty()) throw UsageError("watch: give an action: add, list, show, remove or run");
  const std::string& action = flags.words.front();
  const std::vector<std::string> actions = watch_actions();
  if (std::find(actions.begin(), actions.end(), action) == actions.end()) {
    throw UsageError("watch: unknown action '" + analysis::printable(action) +
                     "'; actions: add, list, show, remove, run");
  }
  check_flags(flags, action);
  try {
    if (action == "add") return add(flags);
    if (action == "list") return list(flags);
    if (action == "show") return show(flags);
    if (action == "remove") return remove(flags);
    return run(flags);
  } catch (const indexer::IndexLockedError& e) {
    print_locked(e, flags.wait_seconds);
    return kExitLocked;
  }
}

void add_flags(CLI::App& command, WatchFlags& flags) {
  command
      .add_option(kQueryWords, flags.words,
                  "ACTION (add, list, show, remove or run), then the watch's NAME (run: NAMEs) and, for add, "
                  "the QUERY words")
      ->type_name("WORD");
  command.add_option("--db", flags.database, kDatabaseFlagHelp)->type_name("DIR")->check(non_empty_path());
  command.add_option("--country", flags.countries, "add: keep reports naming this country (repeatable)")
      ->type_name("X");
  command.add_option("--actor", flags.actors, "add: keep reports naming this actor, any alias (repeatable)")
      ->type_name("Y");
  command.add_flag("--any", flags.any, "add: any of the words may match (default: all words)");
  command
      .add_option("--since", flags.since,
                  "run: report what is new or changed since TIME (UTC: YYYY-MM-DD[THH:MM[:SS]]); "
                  "the run is then not recorded")
      ->type_name("TIME");
  command.add_flag("--since-last", flags.since_last,
                   "run: report what is new or changed since each watch's last run (the default)");
  command.add_option("-n,--limit", flags.limit, "run: hits shown per watch (default 10; totals are exact)")
      ->type_name("N")
      ->check(whole_number(0));
  command.add_option("--format", flags.format, "run: text (default), json or jsonl (a hit per line)")
      ->type_name("FORMAT")
      ->check(one_of(watch_format_values()));
  command.add_flag("--json", flags.json, "add, list, show, run: print JSON (run: = --format json)");
  command
      .add_option("--wait", flags.wait_seconds,
                  "add, remove, run: wait up to SECONDS for another writer's lock (default: exit 75 at once)")
      ->type_name("SECONDS")
      ->check(seconds_between(0, 86400.0));
}

}  // namespace

void add_watch_command(CLI::App& app, CommandRunner& runner) {
  auto flags = std::make_shared<WatchFlags>();
  CLI::App* command = app.add_subcommand("watch", "Save searches and report what is new for them");
  add_flags(*command, *flags);
  command->footer(
      std::string(
          "Actions:\n"
          "  watch add NAME QUERY... [--country X]... [--actor Y]... [--any]  save a search (replacing\n"
          "      one of the same NAME, which then counts as never run); QUERY as for 'dossier search'\n"
          "  watch list                 one line per watch: 'NAME: QUERY FLAGS (last run T)'\n"
          "  watch show NAME            the watch, a 'field: value' line each\n"
          "  watch remove NAME          forget it\n"
          "  watch run [NAME...] [--since T | --since-last]  report news (all watches by default)\n"
          "Watches are kept in the index (its metadata), so every reader sees the same list; each\n"
          "change is one commit under the writer's lock.\n"
          "JSON: watch add/show: {\"name\", \"query\", \"countries\", \"actors\", \"any\", \"created\",\n"
          "\"last_run\", \"reported_until\"}; watch list: {\"version\": 1, \"watches\": [those]}.\n") +
      watch_run_help() +
      "\nExit codes: 0 done (run: something is new), 1 run: nothing new, 2 error (no such watch, bad\n"
      "query, unknown country or actor, bad flags), 75 index locked by another writer.");
  command->callback([flags, &runner] { runner = [flags] { return run_watch_command(*flags); }; });
}

}  // namespace dossier::cli
