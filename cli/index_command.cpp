// `dossier index PATH... [--db DIR] [--full] [--wait SECONDS] [--json] ...`
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "dossier/analysis/printable.h"
#include "dossier/indexer/indexer.h"
#include "dossier/searcher/watch_format.h"
#include "environment.h"
#include "exit_codes.h"
#include "locked_index.h"
#include "progress_bar.h"
#include "seconds.h"
#include "usage_error.h"
#include "value_checks.h"
#include "watch_runs.h"

namespace dossier::cli {
namespace {

// More reader threads than any machine has cores only cost memory (each keeps files in flight).
constexpr std::uint64_t kMaxJobs = 1024;

struct IndexFlags {
  std::vector<std::string> paths;
  std::optional<std::string> database;
  std::vector<std::string> exclude;
  std::uint64_t max_size = 100'000'000;
  double extract_timeout_seconds = 60;
  std::vector<std::string> gazetteers;
  double wait_seconds = 0;
  std::size_t batch = 1000;
  std::size_t jobs = 0;
  bool full = false;
  bool follow_symlinks = false;
  bool retry_failed = false;
  bool no_capitals = false;
  bool quiet = false;
  bool verbose = false;
  bool json = false;
  bool watch = false;
};

indexer::IndexOptions options_from(const IndexFlags& flags) {
  indexer::IndexOptions options;
  const DatabaseEnvironment env = read_database_environment();
  options.database = resolve_database(flags.database, env);
  options.gazetteer_files = gazetteer_files(flags.gazetteers, env);
  options.tagging.capitals = !flags.no_capitals;
  options.roots.assign(flags.paths.begin(), flags.paths.end());
  options.exclude = flags.exclude;
  options.max_file_bytes = flags.max_size;
  options.extract_timeout = milliseconds_of(flags.extract_timeout_seconds);
  options.mode = flags.full ? indexer::RunMode::Full : indexer::RunMode::Incremental;
  options.failed_files = flags.retry_failed ? indexer::FailedFilesPolicy::RetryAll
                                            : indexer::FailedFilesPolicy::RetryWhenChanged;
  options.symlinks = flags.follow_symlinks ? indexer::SymlinkPolicy::Follow : indexer::SymlinkPolicy::Skip;
  options.wait = milliseconds_of(flags.wait_seconds);
  options.commit.max_documents = flags.batch;
  options.jobs = flags.jobs;
  return options;
}

const char* change_label(indexer::FileChangeKind kind) {
  switch (kind) {
    case indexer::FileChangeKind::Added:
      return "added";
    case indexer::FileChangeKind::Updated:
      return "updated";
    case indexer::FileChangeKind::Renamed:
      return "renamed";
    case indexer::FileChangeKind::Deleted:
      return "deleted";
  }
  return "changed";
}

// Errors always reach stderr; progress only on a terminal; changes and skips only with --verbose.
indexer::IndexEvents events_for(const IndexFlags& flags, ProgressBar& bar) {
  indexer::IndexEvents events;
  events.on_error = [&bar](const indexer::FileError& error) {
    bar.clear();
    std::fprintf(stderr, "error: %s: %s\n", analysis::printable(error.path).c_str(),
                 analysis::printable(error.reason).c_str());
  };
  events.on_warning = [&bar](const indexer::FileError& warning) {
    bar.clear();
    std::fprintf(stderr, "warning: %s: %s\n", analysis::printable(warning.path).c_str(),
                 analysis::printable(warning.reason).c_str());
  };
  events.on_progress = [&bar](const indexer::IndexProgress& progress) { bar.update(progress); };
  if (flags.verbose) {
    events.on_change = [&bar](const indexer::FileChange& change) {
      bar.clear();
      std::fprintf(stderr, "%s %s\n", change_label(change.kind), analysis::printable(change.path).c_str());
    };
    events.on_skip = [&bar](const indexer::SkippedFile& skipped) {
      bar.clear();
      std::fprintf(stderr, "skipped %s: %s\n", analysis::printable(skipped.path).c_str(),
                   analysis::printable(skipped.reason).c_str());
    };
  }
  return events;
}

// What a run ends with: its exit code and, with --json, its summary line, printed last so that
// --watch can add the watches' news to it.
struct IndexOutcome {
  int exit_code = kExitOk;
  std::string json;
};

// A run that stopped on a fatal error: the message on stderr and, with --json, the summary object
// with its "error" field on stdout, so a log of one object per run has no gaps.
IndexOutcome stopped(const IndexFlags& flags, const std::string& message, double seconds, int exit_code) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  return {exit_code, flags.json ? indexer::stopped_run_to_json(message, seconds) : ""};
}

IndexOutcome run_index_command(const IndexFlags& flags) {
  if (flags.quiet && flags.verbose) throw UsageError("--quiet and --verbose: choose one");
  const auto started = std::chrono::steady_clock::now();
  const auto elapsed = [&started] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  const bool on_terminal = is_terminal(stderr) && !terminal_is_dumb();
  ProgressBar bar(stderr, on_terminal && !flags.quiet);
  indexer::IndexReport report;
  try {
    report = indexer::run_index(options_from(flags), events_for(flags, bar));
  } catch (const indexer::IndexLockedError& e) {
    bar.clear();
    return stopped(flags, locked_message(e, flags.wait_seconds), elapsed(), kExitLocked);
  } catch (const std::exception& e) {
    bar.clear();
    return stopped(flags, e.what(), elapsed(), kExitError);
  }
  bar.clear();
  if (!flags.json && !flags.quiet && (on_terminal || flags.verbose))
    std::fprintf(stderr, "%s\n", indexer::report_to_line(report).c_str());
  const std::string json = flags.json ? indexer::report_to_json(report) : "";
  if (report.root_errors > 0) return {kExitError, json};
  // Files that failed in an earlier run and did not change are old news: counted, not alarming.
  return {report.failed_this_run() == 0 ? kExitOk : kExitSomeFailed, json};
}

// With --watch, every watch runs on what the run committed: as text, or with --json as the
// summary's "watches" field. News or none is no failure of the run: its exit code stays the
// index's, unless the watches could not be recorded.
int run_index_then_watches(const IndexFlags& flags) {
  IndexOutcome indexed = run_index_command(flags);
  int watched = kExitOk;
  if (flags.watch && indexed.exit_code != kExitLocked && indexed.exit_code != kExitError) {
    WatchRunFlags watches;
    watches.database = resolve_database(flags.database, read_database_environment());
    watches.wait_seconds = flags.wait_seconds;
    WatchPrinter with_summary;
    if (flags.json) {
      with_summary = [&indexed](const std::vector<searcher::WatchMatches>& runs) {
        indexed.json.insert(indexed.json.size() - 1,
                            ",\"watches\":" + searcher::format_watch_run_json_array(runs));
        std::printf("%s\n", indexed.json.c_str());
        std::fflush(stdout);
        indexed.json.clear();
      };
    }
    try {
      watched = run_and_print_watches(watches, with_summary);
    } catch (const std::exception& e) {
      // The index was committed: its summary still goes out, and the error says what failed.
      std::fprintf(stderr, "error: watches: %s\n", e.what());
      watched = kExitError;
    }
  }
  if (!indexed.json.empty()) std::printf("%s\n", indexed.json.c_str());
  return watched == kExitLocked || watched == kExitError ? watched : indexed.exit_code;
}

void add_flags(CLI::App& command, IndexFlags& flags) {
  command.add_option("PATH", flags.paths, "Folders or files to index (recursively)")
      ->required()
      ->check(non_empty_path());
  command.add_option("--db", flags.database, kDatabaseFlagHelp)->type_name("DIR")->check(non_empty_path());
  command.add_flag("--full", flags.full,
                   "Read every file again, rebuilding documents in place (searchable meanwhile)");
  command
      .add_option("--wait", flags.wait_seconds,
                  "Wait up to SECONDS for another writer's lock (default: exit 75 at once)")
      ->type_name("SECONDS")
      ->check(seconds_between(0, 86400.0));
  command
      .add_option("--exclude", flags.exclude,
                  "Skip paths matching GLOB (gitignore syntax, relative to each root; repeatable)")
      ->type_name("GLOB");
  command.add_option("--max-size", flags.max_size, "Fail files larger than BYTES (default 100000000)")
      ->type_name("BYTES")
      ->check(whole_number(1));
  command
      .add_option("--extract-timeout", flags.extract_timeout_seconds,
                  "Fail a PDF still being extracted after SECONDS (checked between pages; default 60)")
      ->type_name("SECONDS")
      ->check(seconds_between(0.001, 86400.0));
  command.add_flag("--follow-symlinks", flags.follow_symlinks, "Follow symbolic links (loops are detected)");
  command.add_flag("--retry-failed", flags.retry_failed,
                   "Read files that failed before even if they did not change");
  command
      .add_option("-j,--jobs", flags.jobs,
                  "Read and analyse files on N threads (1 to 1024; default: one per core)")
      ->type_name("N")
      ->check(whole_number(1, kMaxJobs));
  command
      .add_option("--batch", flags.batch, "Commit every N changed documents (default 1000; also every 64 MB)")
      ->type_name("N")
      ->check(whole_number(1));
  command
      .add_option("--gazetteer", flags.gazetteers,
                  "Also tag the actors listed in FILE (actors TSV format; repeatable). "
                  "~/.config/dossier/gazetteer.tsv is always read when it exists")
      ->type_name("FILE")
      ->check(non_empty_path());
  command.add_flag("--no-capitals", flags.no_capitals,
                   "Do not count a capital (\"Beijing\") as a mention of its country");
  command.add_flag("-q,--quiet", flags.quiet, "No progress and no summary; errors only");
  command.add_flag("-v,--verbose", flags.verbose,
                   "Name every file added, updated, renamed, deleted or skipped (with why), and summarise");
  command.add_flag("--json", flags.json, "Print the run summary as one JSON object on stdout");
  command.add_flag("--watch", flags.watch,
                   "After the run, report every watch's news as 'dossier watch run' does (nothing when "
                   "nothing is new)");
}

}  // namespace

void add_index_command(CLI::App& app, CommandRunner& runner) {
  auto flags = std::make_shared<IndexFlags>();
  CLI::App* command = app.add_subcommand("index", "Index folders (or files) of reports, incrementally");
  add_flags(*command, *flags);
  command->footer(
      "Indexes .txt, .md, .markdown, .html, .htm, .xhtml, .pdf, .docx and .odt files; others, and FIFOs,\n"
      "sockets and devices (never opened), are skipped and counted. A rerun reads only new files and\n"
      "files whose size or mtime changed (and re-indexes them only if their content did); removes\n"
      "documents of deleted files; keeps one document for a renamed or moved file. A root that is\n"
      "missing, unreadable or suddenly empty deletes nothing.\n"
      "Hidden files and version-control folders are skipped; symbolic links are not followed unless\n"
      "--follow-symlinks; a .dossierignore file (gitignore syntax) excludes paths below its folder.\n"
      "Files that fail are named on stderr with the reason, remembered, and retried when they change.\n"
      "Output: errors always go to stderr. On a terminal a progress line and a summary are shown;\n"
      "elsewhere (cron, systemd) nothing else unless --verbose. --json prints on stdout, for every run:\n"
      "  {\"indexed\", \"added\", \"updated\", \"renamed\", \"deleted\", \"unchanged\", \"skipped\",\n"
      "   \"failed\", \"failed_before\", \"root_errors\", \"seconds\", \"errors\": [{\"path\", "
      "\"reason\"}], \"error\"}\n"
      "where \"error\" is null, or the message of a fatal error (exit 2 or 75; counts then 0).\n"
      "(failed counts files that still fail; failed_before those that failed in an earlier run and did\n"
      "not change: not read, not named again; 'dossier stats' lists them.)\n"
      "Exit codes: 0 all good, 1 some files failed in this run (the rest indexed), 2 fatal (bad arguments,\n"
      "unusable index, a root missing, unreadable or suddenly empty), 75 index locked by another\n"
      "writer (EX_TEMPFAIL: try again later, or use --wait).\n"
      "--watch runs the watches only after a run that committed (not after exit 2 or 75) and keeps\n"
      "the run's exit code (2 when a watch failed, 75 when their run could not be recorded); with\n"
      "--json, the summary gains \"watches\": the array 'dossier watch run --json' prints. For cron:\n"
      "  dossier index ~/reports --watch --quiet   (prints only when a watch has news)");
  command->callback([flags, &runner] { runner = [flags] { return run_index_then_watches(*flags); }; });
}

}  // namespace dossier::cli
