#include "search_output.h"

#include <cstdio>
#include <filesystem>

#include "dossier/analysis/printable.h"
#include "dossier/searcher/result_format.h"
#include "environment.h"
#include "exit_codes.h"

namespace dossier::cli {

const char* output_help() {
  return "Output: --format text (default: per hit 'rank. title · date · path · countries · actors' and a\n"
         "two-line snippet; on a terminal wrapped to $COLUMNS or its width, then '1-10 of 28 (next:\n"
         "--offset 10)'; colour only on a terminal, never with NO_COLOR or TERM=dumb), json (one "
         "object),\n"
         "jsonl (one hit object per line), paths (one path per line); --count prints only the exact number.\n"
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
         "Exit codes: 0 something matched, 1 nothing matched, 2 error (no index, bad query,\n"
         "unknown country, actor or actor kind, path not indexed, over --timeout).";
}

void add_output_flags(CLI::App& command, OutputFlags& flags) {
  command
      .add_option("--format", flags.format, "Output: text (default), json, jsonl (a hit per line) or paths")
      ->check(CLI::IsMember({"text", "json", "jsonl", "paths"}));
  command.add_flag("--json", flags.json, "Print results as one JSON object (--format json)");
  command.add_flag("--count", flags.count, "Print only the exact number of matching documents");
  command.add_flag("--facets", flags.facets,
                   "Show the top countries and actors of all matches with their counts");
  command.add_flag("--explain", flags.explain,
                   "Show the parsed query and, per hit, its matching terms and weights");
}

int print_results(const searcher::SearchResult& result, const OutputFlags& flags) {
  const std::string format = flags.json ? "json" : flags.format;
  if (!result.suggestion.empty() && format != "json") {
    std::fprintf(stderr, "did you mean: %s\n", analysis::printable(result.suggestion).c_str());
  }
  if (flags.count) {
    std::printf("%zu\n", result.total);
  } else if (format == "json") {
    std::printf("%s\n", searcher::format_json(result).c_str());
  } else if (format == "jsonl") {
    std::fputs(searcher::format_json_lines(result).c_str(), stdout);
  } else if (format == "paths") {
    std::fputs(searcher::format_paths(result, !is_terminal(stdout)).c_str(), stdout);
  } else {
    std::error_code error;
    const bool terminal = is_terminal(stdout);
    searcher::TextStyle style{wants_color(stdout), std::filesystem::current_path(error), flags.facets,
                              flags.explain, terminal ? terminal_width(stdout) : 0};
    std::fputs(searcher::format_text(result, style).c_str(), stdout);
    // Where the page stands and how to get the next one: for people, so never into a pipe.
    if (terminal) std::fputs(searcher::format_page_footer(result).c_str(), stdout);
  }
  return result.total > 0 ? kExitOk : kExitNoMatch;
}

}  // namespace dossier::cli
