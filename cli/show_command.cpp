// `dossier show PATH [--db DIR] [--json] [--text [--query Q]]`
#include <cstdio>
#include <memory>
#include <string>

#include "command.h"
#include "dossier/analysis/entity_report.h"
#include "dossier/analysis/language.h"
#include "dossier/analysis/printable.h"
#include "dossier/searcher/document_format.h"
#include "dossier/searcher/search_errors.h"
#include "dossier/searcher/searcher.h"
#include "environment.h"
#include "exit_codes.h"
#include "value_checks.h"

namespace dossier::cli {
namespace {

struct ShowFlags {
  std::string path;
  std::optional<std::string> database;
  bool json = false;
  bool text = false;
  std::string query;
};

// Where the text goes: raw into a pipe, escaped on a terminal, matches in colour when it wants it.
searcher::TextDestination destination() {
  if (!is_terminal(stdout)) return searcher::TextDestination::Pipe;
  return wants_color(stdout) ? searcher::TextDestination::ColorTerminal : searcher::TextDestination::Terminal;
}

int run_show_command(const ShowFlags& flags) {
  searcher::Searcher searcher(resolve_database(flags.database, read_database_environment()));
  searcher::DocumentView view;
  searcher::MarkedText text;
  try {
    view = searcher.show(flags.path);
    if (flags.text) text = searcher.text(flags.path, flags.query);
  } catch (const searcher::DocumentNotFoundError& e) {
    std::fprintf(stderr, "%s\n", analysis::printable(e.what()).c_str());
    return kExitNoMatch;
  }
  if (flags.text && !flags.json) {
    std::fputs(searcher::format_marked_text(text, destination()).c_str(), stdout);
    return kExitOk;
  }
  const analysis::DocumentRecord& r = view.record;
  if (flags.json) {
    nlohmann::ordered_json object = searcher::document_json(view);
    if (flags.text) object["text"] = searcher::to_json(text);
    std::printf("%s\n",
                object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
  } else {
    std::printf("path: %s\ntitle: %s\nformat: %s\nsize: %llu bytes\nmodified: %s\n",
                analysis::printable(r.path).c_str(), analysis::printable(r.title).c_str(), r.format.c_str(),
                static_cast<unsigned long long>(r.size), searcher::iso_utc_time(r.mtime_ns).c_str());
    const auto line = [](const char* label, const std::string& value) {
      if (!value.empty()) std::printf("%s: %s\n", label, analysis::printable(value).c_str());
    };
    line("author", r.author);
    line("date", r.date);
    line("language", r.language.empty() ? "" : analysis::language_name(r.language) + " (" + r.language + ")");
    line("description", r.description);
    line("url", r.canonical_url);
    std::printf("%s", analysis::to_text(view.entities).c_str());
  }
  return kExitOk;
}

}  // namespace

void add_show_command(CLI::App& app, CommandRunner& runner) {
  auto flags = std::make_shared<ShowFlags>();
  CLI::App* command =
      app.add_subcommand("show", "Show one indexed document's metadata, countries and actors");
  command->add_option("PATH", flags->path, "The file, as indexed")->required()->check(non_empty_path());
  command->add_option("--db", flags->database, "Index folder (default as for search)")
      ->type_name("DIR")
      ->check(non_empty_path());
  command->add_flag("--json", flags->json, "Print one JSON object");
  command->add_flag("--text", flags->text,
                    "Print the document's extracted text instead (PDF pages marked '--- page N ---')");
  command
      ->add_option("--query", flags->query,
                   "With --text: highlight every match of this query (colour on a terminal; plain in a pipe)")
      ->type_name("Q")
      ->needs("--text");
  command->footer(
      "JSON: {\"path\", \"title\", \"format\", \"size\", \"modified\", \"author\", \"date\", \"language\",\n"
      "\"description\", \"keywords\", \"url\", \"pages\", \"countries\": [...], \"actors\": [...]}\n"
      "with the fields of 'dossier entities'; with --text also \"text\": {\"paginated\", \"pages\": "
      "[{\"page\",\n"
      "\"segments\": [{\"text\", \"match\"}]}]} (the text in runs, each match of --query its own run).\n"
      "Exit codes: 0 shown, 1 not in the index, 2 error (also a bad --query).");
  command->callback([flags, &runner] { runner = [flags] { return run_show_command(*flags); }; });
}

}  // namespace dossier::cli
