#include "search_output.h"

#include <cstdio>
#include <filesystem>

#include "dossier/analysis/printable.h"
#include "dossier/searcher/result_format.h"
#include "environment.h"
#include "exit_codes.h"
#include "flag_values.h"
#include "usage_error.h"
#include "value_checks.h"

namespace dossier::cli {
namespace {

[[noreturn]] void conflict(const std::string& first, const std::string& second, const std::string& why) {
  throw UsageError(first + " and " + second + ": choose one (" + why + ")");
}

std::string format_flag(const OutputFlags& flags) {
  return flags.json ? "--json" : "--format " + flags.format.value_or("text");
}

}  // namespace

const char* output_help() {
  return "Output: --format text (default: per hit 'rank. title · date · path · countries · actors' and a\n"
         "two-line snippet; on a terminal wrapped to $COLUMNS or its width, then '1-10 of 28 (next:\n"
         "--offset 10)'; colour only on a terminal, never with NO_COLOR or TERM=dumb), json (one "
         "object),\n"
         "jsonl (one hit object per line), paths (one path per line; -0 ends each with a NUL byte\n"
         "instead, bytes as stored, for xargs -0); --count prints only the exact number. text and json\n"
         "show 10 hits unless -n; jsonl and paths list every match unless -n.\n"
         "One of --json, --format and --count; --facets only with text or json (JSON always has\n"
         "facets), --explain not with paths or --count, -0 only with paths; --count ignores -n and "
         "--offset.\n"
         "JSON: {\"version\": 1, \"query\", \"total\", \"offset\", \"suggestion\" (a corrected query or "
         "null),\n"
         "\"hits\": [{\"rank\", \"score\", \"path\", \"title\", \"snippet\", \"countries\", \"actors\", "
         "\"format\",\n"
         "\"date\", \"author\", \"language\", \"page\", \"matched_aliases\"}], \"facets\": {\"country\", "
         "\"actor\",\n"
         "\"year\", \"language\", \"type\": [{\"value\", \"name\", \"count\"}]}} (actor facets also have "
         "\"kind\",\n"
         "\"country\"); unknown date, author, language and page are null. With --explain: \"explain\":\n"
         "{\"parsed\", \"xapian\", \"like_terms\"} and per hit \"explain\": [{\"term\", \"weight\"}].\n"
         "Matched words in snippets are wrapped in <b></b>\n"
         "(snippet text is HTML-escaped). Facet counts are exact over all matches.\n"
         "For a word in fewer than 3 documents, 'did you mean: ...' on stderr suggests a spelling from the\n"
         "index (never applied; never for acronyms, actor names or the word's own stem).\n"
         "Exit codes: 0 something matched, 1 nothing matched, 2 error (no index, bad query, bad flags,\n"
         "unknown country, actor or actor kind, path not indexed, over --timeout).";
}

void add_output_flags(CLI::App& command, OutputFlags& flags) {
  command
      .add_option("--format", flags.format,
                  "Output: text (default), json, jsonl (a hit per line), paths (a path per line) or csv (a "
                  "row per query of a search batch)")
      ->type_name("FORMAT")
      ->check(one_of(format_values()));
  command.add_flag("--json", flags.json, "Print results as one JSON object (= --format json)");
  command.add_flag("--count", flags.count, "Print only the exact number of matching documents");
  command.add_flag("-0,--null", flags.null,
                   "With --format paths: end each path with a NUL byte, bytes as stored (for xargs -0)");
  command.add_flag("--facets", flags.facets,
                   "Show the top countries and actors of all matches with their counts");
  command.add_flag("--explain", flags.explain,
                   "Show the parsed query and, per hit, its matching terms and weights");
}

std::string format_of(const OutputFlags& flags) {
  return flags.json ? "json" : flags.format.value_or("text");
}

void check_output_flags(const OutputFlags& flags) {
  const std::string format = format_of(flags);
  if (flags.json && flags.format && *flags.format != "json") {
    conflict("--json", "--format " + *flags.format, "--json is --format json");
  }
  if (flags.count) {
    const char* why = "--count prints only the number of matches; JSON has it as \"total\"";
    if (flags.json || flags.format) conflict("--count", format_flag(flags), why);
    if (flags.facets) conflict("--count", "--facets", why);
    if (flags.explain) conflict("--count", "--explain", why);
  }
  if (flags.facets && (format == "paths" || format == "jsonl")) {
    conflict("--facets", format_flag(flags), "facets are shown in text and are always in --json");
  }
  if (flags.explain && format == "paths") {
    conflict("--explain", format_flag(flags), "paths have no room for it; use jsonl or json");
  }
  if (flags.null && format != "paths") {
    throw UsageError("--null: only with --format paths (it ends each path with a NUL byte)");
  }
}

bool lists_every_match(const OutputFlags& flags) {
  const std::string format = format_of(flags);
  return !flags.count && (format == "paths" || format == "jsonl");
}

std::function<void(searcher::SearchHit&&)> hit_printer(const OutputFlags& flags) {
  const std::string format = format_of(flags);
  if (flags.count) return {};
  if (format == "jsonl") {
    return [explain = flags.explain](searcher::SearchHit&& hit) {
      std::fputs(searcher::format_json_line(hit, explain).c_str(), stdout);
    };
  }
  if (format == "paths") {
    // On a terminal, paths are always made printable: no byte of a file name reaches it as a
    // control code. Elsewhere they are the stored bytes.
    const searcher::PathStyle style = is_terminal(stdout) ? searcher::PathStyle::Printable
                                      : flags.null        ? searcher::PathStyle::Null
                                                          : searcher::PathStyle::Lines;
    return [style](searcher::SearchHit&& hit) {
      const std::string line = searcher::format_path(hit, style);
      std::fwrite(line.data(), 1, line.size(), stdout);
    };
  }
  return {};
}

searcher::TextStyle text_style(const OutputFlags& flags) {
  std::error_code error;
  const bool terminal = is_terminal(stdout);
  return {wants_color(stdout), std::filesystem::current_path(error), flags.facets, flags.explain,
          terminal ? terminal_width(stdout) : 0};
}

int print_results(const searcher::SearchResult& result, const OutputFlags& flags) {
  const std::string format = format_of(flags);
  if (!result.suggestion.empty() && format != "json") {
    std::fprintf(stderr, "did you mean: %s\n", analysis::printable(result.suggestion).c_str());
  }
  if (flags.count) {
    std::printf("%zu\n", result.total);
  } else if (format == "json") {
    std::printf("%s\n", searcher::format_json(result).c_str());
  } else if (format == "text") {
    std::fputs(searcher::format_text(result, text_style(flags)).c_str(), stdout);
    // Where the page stands and how to get the next one: for people, so never into a pipe.
    if (is_terminal(stdout)) std::fputs(searcher::format_page_footer(result).c_str(), stdout);
  }
  return result.total > 0 ? kExitOk : kExitNoMatch;
}

}  // namespace dossier::cli
