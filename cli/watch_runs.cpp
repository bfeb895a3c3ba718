#include "watch_runs.h"

#include <cstdio>

#include "dossier/indexer/index_writer.h"
#include "dossier/indexer/watch_store.h"
#include "dossier/searcher/searcher.h"
#include "dossier/searcher/watch_format.h"
#include "dossier/searcher/watch_run.h"
#include "exit_codes.h"
#include "locked_index.h"
#include "search_output.h"
#include "seconds.h"

namespace dossier::cli {
namespace {

void print(const std::vector<searcher::WatchMatches>& runs, const std::string& format) {
  if (format == "json") {
    std::printf("%s\n", searcher::format_watch_run_json(runs).c_str());
  } else if (format == "jsonl") {
    std::fputs(searcher::format_watch_run_json_lines(runs).c_str(), stdout);
  } else {
    std::fputs(searcher::format_watch_run_text(runs, text_style(OutputFlags{})).c_str(), stdout);
  }
  std::fflush(stdout);
}

std::vector<indexer::WatchRunRecord> records_of(const std::vector<searcher::WatchMatches>& runs) {
  std::vector<indexer::WatchRunRecord> records;
  for (const searcher::WatchMatches& run : runs)
    records.push_back({run.watch.name, run.watch.created, run.reported_until_ns});
  return records;
}

}  // namespace

int run_and_print_watches(const WatchRunFlags& flags, const WatchPrinter& print_runs) {
  searcher::Searcher searcher(flags.database);
  searcher::WatchRunRequest request;
  request.names = flags.names;
  request.since_ns = flags.since_ns;
  request.limit = flags.limit;
  const std::vector<searcher::WatchMatches> runs = searcher::run_watches(searcher, request);
  if (print_runs) {
    print_runs(runs);
  } else {
    print(runs, flags.format);
  }
  // Recorded only once printed: a run that dies before reports the same news again next time.
  if (!flags.since_ns) {
    try {
      indexer::record_watch_runs({flags.database, milliseconds_of(flags.wait_seconds)}, records_of(runs));
    } catch (const indexer::IndexLockedError& e) {
      std::fprintf(stderr, "error: %s (this run was not recorded: its news comes again next run)\n",
                   locked_message(e, flags.wait_seconds).c_str());
      return kExitLocked;
    }
  }
  for (const searcher::WatchMatches& run : runs) {
    if (run.has_news()) return kExitOk;
  }
  return kExitNoMatch;
}

const char* watch_run_help() {
  return "Watch runs: per watch with news, 'NAME: N new' and its hits as 'dossier search' shows them,\n"
         "then 'NAME: N changed' for matches indexed before whose content changed; nothing at all\n"
         "when nothing is new (so cron mails only news). New means first indexed after the watch's\n"
         "last run (a watch never run: every current match); a file only touched or renamed is not\n"
         "new. --json: {\"version\": 1, \"watches\": [{\"name\", \"query\", \"countries\", \"actors\",\n"
         "\"any\", \"since\" (null: never run), \"reported_until\", \"new\", \"changed\", \"hits\": [hit\n"
         "objects as 'dossier search --json' has them, plus \"change\": \"new\" or \"changed\"]}]};\n"
         "--format jsonl: one hit object per line, plus \"watch\" and \"change\".\n"
         "The run is recorded after printing, and only without --since.";
}

}  // namespace dossier::cli
