// `dossier search QUERY... [--db DIR]... [-n N] [--offset K] [--any] [--exact] [--like PATH]
//  [--country X]... [--actor Y]... [--actor-kind KIND]... [--since D] [--until D] [--sort S] [--facets]
//  [--explain] [--batch FILE]
//  [--timeout S] [--format F [-0] | --json | --count]` and `dossier similar PATH [same flags]`
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "command.h"
#include "command_line.h"
#include "dossier/analysis/document_date.h"
#include "dossier/analysis/printable.h"
#include "dossier/searcher/batch_matrix.h"
#include "dossier/searcher/batch_search.h"
#include "dossier/searcher/searcher.h"
#include "environment.h"
#include "exit_codes.h"
#include "flag_values.h"
#include "search_output.h"
#include "seconds.h"
#include "usage_error.h"
#include "value_checks.h"

namespace dossier::cli {
namespace {

struct SearchFlags {
  std::vector<std::string> words;
  std::vector<std::string> databases;
  std::optional<std::size_t> limit;
  std::size_t offset = 0;
  bool any = false;
  bool exact = false;
  std::optional<std::string> like;
  std::vector<std::string> countries;
  std::vector<std::string> actors;
  std::vector<std::string> actor_kinds;
  std::size_t facet_limit = 20;
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::string sort = "relevance";
  double timeout_seconds = 0;
  std::optional<std::string> batch;
  bool batch_matrix = false;
  OutputFlags output;
};

std::optional<analysis::DocumentDate> date_flag(const std::optional<std::string>& value, const char* flag) {
  if (!value) return std::nullopt;
  if (auto date = analysis::parse_iso_date(*value)) return date;
  throw std::runtime_error(std::string(flag) + ": '" + *value +
                           "' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
}

std::string join(const std::vector<std::string>& words) {
  std::string query;
  for (const std::string& word : words) {
    if (!query.empty()) query.push_back(' ');
    query += word;
  }
  return query;
}

// The searcher counts in 32 bits (Xapian's doccount): a larger limit or offset means "all" or
// "past the end", and must not wrap round to a small number.
std::size_t clamped(std::size_t count) {
  return std::min<std::size_t>(count, std::numeric_limits<std::uint32_t>::max());
}

std::size_t limit_of(const SearchFlags& flags) {
  if (flags.output.count) return 0;
  if (flags.limit) return clamped(*flags.limit);
  return lists_every_match(flags.output) ? clamped(std::numeric_limits<std::size_t>::max()) : 10;
}

searcher::SearchRequest request_of(const SearchFlags& flags) {
  searcher::SearchRequest request;
  request.query = join(flags.words);
  request.limit = limit_of(flags);
  request.offset = clamped(flags.offset);
  request.on_hit = hit_printer(flags.output);
  request.snippets = format_of(flags.output) != "paths";
  request.mode = flags.any ? searcher::MatchMode::Any : searcher::MatchMode::All;
  request.expand_aliases = !flags.exact;
  if (flags.like) request.like = *flags.like;
  request.countries = flags.countries;
  request.actors = flags.actors;
  request.actor_kinds = searcher::parse_actor_kinds(flags.actor_kinds);
  request.facet_limit = flags.facet_limit;
  request.since = date_flag(flags.since, "--since");
  request.until = date_flag(flags.until, "--until");
  request.sort = flags.sort == "date" ? searcher::SortOrder::Date : searcher::SortOrder::Relevance;
  request.explain = flags.output.explain;
  request.time_limit = milliseconds_of(flags.timeout_seconds);
  return request;
}

std::string read_batch(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  if (!file) throw UsageError("--batch " + analysis::printable(path) + ": cannot be read");
  return text.str();
}

// Names the bad lines on stderr; returns the batch's exit code: 2 when a line was bad, else 0
// when some query matched, else 1.
int report_batch(const std::string& file, const std::vector<searcher::BatchAnswer>& answers) {
  bool failed = false, matched = false;
  for (const searcher::BatchAnswer& answer : answers) {
    if (!answer.error.empty())
      std::fprintf(stderr, "error: %s:%zu: %s\n", analysis::printable(file).c_str(), answer.query.line,
                   analysis::printable(answer.error).c_str());
    failed = failed || !answer.error.empty();
    matched = matched || answer.result.total > 0;
  }
  if (failed) return kExitError;
  return matched ? kExitOk : kExitNoMatch;
}

// --batch-matrix lists every match of every query as CSV: the flags that page, format or time a
// search have nothing to act on.
void check_matrix_flags(const SearchFlags& flags, const CLI::App& command) {
  if (!flags.batch) throw UsageError("--batch-matrix: needs --batch FILE (the queries of its columns)");
  const char* why = "the matrix is CSV of every match of every query";
  for (const char* flag : {"--json", "--format", "--count", "--facets", "--explain", "--limit", "--offset",
                           "--timeout", "--facet-limit"}) {
    // --format csv only says what the matrix is anyway.
    if (command.count(flag) > 0 && !(flag == std::string("--format") && flags.output.format == "csv")) {
      throw UsageError(std::string("--batch-matrix and ") + (flag == std::string("--limit") ? "-n" : flag) +
                       ": choose one (" + why + ")");
    }
  }
}

// --batch FILE: every query of FILE with the same filters; a bad line is named and skipped.
int run_batch_command(const SearchFlags& flags) {
  if (!flags.words.empty()) throw UsageError("--batch: the queries come from FILE, not from words");
  if (flags.like) throw UsageError("--batch and --like: choose one");
  const std::string format = format_of(flags.output);
  if (flags.output.count || flags.output.facets || flags.output.explain ||
      (format != "text" && format != "json" && format != "csv"))
    throw UsageError(
        "--batch: prints text, --json or --format csv (no --count, --format jsonl or paths, --facets, "
        "--explain)");
  const std::vector<searcher::BatchQuery> queries = searcher::parse_batch(read_batch(*flags.batch));
  searcher::Searcher searcher(resolve_databases(flags.databases, read_database_environment()));
  if (flags.batch_matrix) {
    const searcher::BatchMatrix matrix = searcher::run_batch_matrix(searcher, request_of(flags), queries);
    const int code = report_batch(*flags.batch, matrix.columns);
    std::fputs(searcher::format_batch_matrix_csv(matrix).c_str(), stdout);
    return code;
  }
  const std::vector<searcher::BatchAnswer> answers =
      searcher::run_batch(searcher, request_of(flags), queries);
  const int code = report_batch(*flags.batch, answers);
  if (format == "json") {
    std::printf("%s\n", searcher::format_batch_json(answers).c_str());
  } else if (format == "csv") {
    std::fputs(searcher::format_batch_csv(answers).c_str(), stdout);
  } else {
    std::fputs(searcher::format_batch_text(answers, text_style(flags.output)).c_str(), stdout);
  }
  return code;
}

int run_search_command(const SearchFlags& flags) {
  check_output_flags(flags.output);
  if (!flags.batch && format_of(flags.output) == "csv")
    throw UsageError(
        "--format csv: only with --batch FILE (a row per query); one search's hits: --format jsonl");
  if (flags.batch) return run_batch_command(flags);
  searcher::Searcher searcher(resolve_databases(flags.databases, read_database_environment()));
  return print_results(searcher.search(request_of(flags)), flags.output);
}

// What --batch prints, for the --help footer.
std::string batch_help() {
  return "Batch: --batch FILE runs each line (# comments and blank lines skipped) with the flags' filters.\n"
         "Text: 'LINE: QUERY: N matches' and its hits; --json: {\"version\": 1, \"queries\": [{\"line\",\n"
         "\"query\", \"total\", \"error\", \"hits\", \"facets\"}]}; --format csv (RFC 4180, CRLF) has the\n"
         "columns line,query,total,error,ids,paths,countries,actors,years,languages,types: a row per\n"
         "query, its hits' ids (space-separated) and paths (one per line in the cell), and per facet\n"
         "'VALUE:COUNT; ...' (--facet-limit values). --batch-matrix: 'path,QUERY 1,...', a row per\n"
         "document matching a query, cells 1 or 0 ('' for a bad line); not with -n, --offset, a format,\n"
         "--count, --facets, --explain, --timeout or --facet-limit. Fields starting with = + - @ get a\n"
         "leading '.\n"
         "A bad line is named on stderr (error: FILE:LINE: reason), the rest run, and the exit code is 2.";
}

// "threat-group, intelligence-agency, ...": the values of --actor-kind.
std::string kind_names() {
  std::string names;
  for (const analysis::ActorKind kind : analysis::actor_kinds())
    names += (names.empty() ? "" : ", ") + std::string(analysis::actor_kind_name(kind));
  return names;
}

// The flags `search` and `similar` share: index, paging, filters, order and output.
void add_common_flags(CLI::App& command, SearchFlags& flags) {
  command
      .add_option("--db", flags.databases,
                  std::string(kDatabaseFlagHelp) + "; repeat to search several shards as one")
      ->type_name("DIR")
      ->check(non_empty_path());
  command
      .add_option("-n,--limit", flags.limit,
                  "Number of hits to show (default 10; jsonl and paths: every match)")
      ->type_name("N")
      ->check(whole_number(0));
  command.add_option("--offset", flags.offset, "Hits to skip, for the next page (default 0)")
      ->type_name("K")
      ->check(whole_number(0));
  command
      .add_option("--country", flags.countries,
                  "Keep reports naming this country: ISO code, name or demonym (NO, NOR, Norway, "
                  "Norwegian, Norge); repeatable, all must match")
      ->type_name("X");
  command
      .add_option("--actor", flags.actors,
                  "Keep reports naming this actor: any alias (MSS, \"Ministry of State Security\", APT40, "
                  "Leviathan); repeatable, all must match")
      ->type_name("Y");
  command
      .add_option("--actor-kind", flags.actor_kinds,
                  "Keep reports naming an actor of this kind, and only such actors in the actor facet: " +
                      kind_names() + "; repeatable, any may match")
      ->type_name("KIND");
  command
      .add_option("--since", flags.since, "Keep reports dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->type_name("DATE");
  command
      .add_option("--until", flags.until,
                  "Keep reports dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->type_name("DATE");
  command.add_option("--sort", flags.sort, "Order of hits: relevance (default) or date (newest first)")
      ->type_name("ORDER")
      ->check(one_of(sort_values()));
  command.add_option("--facet-limit", flags.facet_limit, "Values per facet (default 20; 0 for all)")
      ->type_name("N")
      ->check(whole_number(0));
  command
      .add_option("--timeout", flags.timeout_seconds,
                  "Give up (exit 2, with a message) when matching takes longer than SECONDS, rather than "
                  "print counts that are not exact (default: no limit)")
      ->type_name("SECONDS")
      ->check(seconds_between(0.001, 86400.0));
  add_output_flags(command, flags.output);
}

}  // namespace

void add_search_command(CLI::App& app, CommandRunner& runner) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* command = app.add_subcommand("search", "Search the index");
  command->add_option(kQueryWords, flags->words,
                      "Query words (joined with spaces); may be left out, or be *, when a filter is given");
  command->add_flag("--any", flags->any, "Rank documents containing any of the words (default: all words)");
  command->add_flag("--exact", flags->exact,
                    "Match only what is written: no expansion of actor names to their aliases");
  command
      ->add_option("--like", flags->like,
                   "Rank by likeness to this indexed report (left out of the hits); with words, they must "
                   "match too")
      ->type_name("PATH")
      ->check(non_empty_path());
  command
      ->add_option(
          "--batch", flags->batch,
          "Run each query of FILE (one per line; # comments) with the same filters: per query its "
          "exact total and top hits (text, --json or --format csv, with facets); a bad line is named and "
          "the rest go on")
      ->type_name("FILE")
      ->check(non_empty_path());
  command->add_flag("--batch-matrix", flags->batch_matrix,
                    "With --batch: print a document x query CSV instead, 'path,QUERY 1,QUERY 2,...' and a "
                    "row per document matching any query, 1 where it matches and 0 where not (every "
                    "match, exact; filters apply to all queries)");
  add_common_flags(*command, *flags);
  command->footer(
      std::string(
          "Arguments: flags may stand before or after the words and take one value each (repeat\n"
          "--country, --actor or --db for more); a word starting with '-' that is no flag is a word to\n"
          "exclude (espionage -norway -n 20: NOT norway, 20 hits); after --, every argument is a word.\n"
          "Query language: words (all must match), \"exact phrases\", AND, OR, NOT, -word, ( ), * (all),\n"
          "a NEAR/n b (at most n words between, any order), a ADJ/n b (the same, in order; n above 100\n"
          "counts as 100), espion* (any word starting with espion; also title: author: path:),\n"
          "fields title: author: path: type: lang: country: actor: (on a word, a \"phrase\" or a (group))\n"
          "and date:FROM..TO (YYYY, YYYY-MM or YYYY-MM-DD; either end may be left out). Field names work\n"
          "in any case; another name:value is an error (quote \"a:b\" to search it as text; times, IPv6\n"
          "addresses, URLs and C:\\paths stay text). Words standing together in a report rank it higher.\n"
          "Identifiers (CVE ids, IP addresses, domains, hashes) match exactly. Unquoted words naming an\n"
          "actor (APT28, Fancy Bear) also find reports naming it by another alias (not with --exact).\n") +
      output_help() + "\n" + batch_help());
  command->callback([flags, command, &runner] {
    if (flags->batch_matrix) check_matrix_flags(*flags, *command);
    runner = [flags] { return run_search_command(*flags); };
  });
}

void add_similar_command(CLI::App& app, CommandRunner& runner) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* command = app.add_subcommand("similar", "List the indexed reports most like an indexed report");
  command->add_option("PATH", flags->like, "The report, as indexed")->required()->check(non_empty_path());
  add_common_flags(*command, *flags);
  command->footer(
      std::string(
          "Ranks by the report's most telling words and identifiers (relevance feedback); the report\n"
          "itself is left out. The same as 'dossier search --like PATH'.\n") +
      output_help());
  command->callback([flags, &runner] { runner = [flags] { return run_search_command(*flags); }; });
}

}  // namespace dossier::cli
