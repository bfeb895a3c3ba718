// `dossier entities [FILE|DIR...] [--json] [--gazetteer FILE]... [--no-capitals]`
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/entity_report.h"
#include "dossier/analysis/entity_tagger.h"
#include "dossier/analysis/printable.h"
#include "dossier/indexer/extractor.h"
#include "dossier/indexer/file_format.h"
#include "dossier/indexer/file_walker.h"
#include "dossier/indexer/gazetteer_files.h"
#include "dossier/indexer/text_extractor.h"
#include "environment.h"
#include "exit_codes.h"
#include "value_checks.h"

namespace dossier::cli {
namespace {

constexpr std::uint64_t kMaxInputBytes = 100'000'000;

struct EntitiesFlags {
  std::vector<std::string> files;
  std::vector<std::string> gazetteers;
  bool no_capitals = false;
  bool json = false;
};

std::string read_stdin() {
  return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
}

void print(const std::string& name, const analysis::EntityReport& report, bool json) {
  if (json) {
    nlohmann::ordered_json object = {{"path", analysis::printable(name)}};
    object.update(analysis::to_json(report));
    std::printf("%s\n",
                object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
  } else {
    std::printf("%s\n%s", analysis::printable(name).c_str(), analysis::to_text(report).c_str());
  }
}

void report_error(const std::string& path, const std::string& reason) {
  std::fprintf(stderr, "error: %s: %s\n", analysis::printable(path).c_str(),
               analysis::printable(reason).c_str());
}

// The files `dossier index` would read under `input`: a folder is walked with the indexer's walker
// (hidden entries, version-control folders, .dossierignore rules, links and special files
// skipped) and only the formats the indexer reads are kept; a file named on its own is always
// read (as plain text when its format is unknown). Returns false when something could not be read.
bool for_each_file(const std::string& input, const std::function<void(const std::string&)>& visit) {
  std::error_code error;
  if (!std::filesystem::is_directory(input, error)) {
    visit(input);
    return true;
  }
  bool complete = true;
  indexer::WalkEvents events;
  events.on_file = [&visit](const indexer::FoundFile& file) {
    if (indexer::format_for_path(file.path)) visit(file.path);
  };
  events.on_issue = [&complete](const indexer::WalkIssue& issue) {
    report_error(issue.path.string(), issue.reason);
    complete = false;
  };
  try {
    indexer::walk_files(input, indexer::WalkOptions{}, events);
  } catch (const std::filesystem::filesystem_error& e) {
    report_error(input, e.code().message());
    return false;
  }
  return complete;
}

int run_entities_command(const EntitiesFlags& flags) {
  const analysis::Gazetteer gazetteer =
      indexer::load_gazetteer(gazetteer_files(flags.gazetteers, read_database_environment()));
  const analysis::Analyzer analyzer;
  const analysis::EntityTagger tagger(gazetteer, analyzer, analysis::TaggerOptions{!flags.no_capitals});
  bool found = false;
  int status = kExitOk;
  const auto tag = [&](const std::string& name, const std::string& text) {
    const analysis::EntityReport report = analysis::make_entity_report(tagger.tag(text), gazetteer);
    found = found || !report.countries.empty() || !report.actors.empty();
    print(name, report, flags.json);
  };
  if (flags.files.empty()) tag("-", indexer::decode_text(read_stdin()));
  const auto tag_file = [&](const std::string& file) {
    try {
      tag(file, indexer::extract_file(file, kMaxInputBytes).text);
    } catch (const std::exception& e) {
      report_error(file, e.what());
      status = kExitError;
    }
  };
  for (const std::string& input : flags.files) {
    if (!for_each_file(input, tag_file)) status = kExitError;
  }
  if (status != kExitOk) return status;
  return found ? kExitOk : kExitNoMatch;
}

}  // namespace

void add_entities_command(CLI::App& app, CommandRunner& runner) {
  auto flags = std::make_shared<EntitiesFlags>();
  CLI::App* command = app.add_subcommand(
      "entities", "Show the countries and actors files (or standard input) name, without an index");
  command
      ->add_option("FILE", flags->files,
                   "Files to tag, or folders to tag file by file as 'dossier index' reads them "
                   "(default: standard input)")
      ->check(non_empty_path());
  command->add_option("--gazetteer", flags->gazetteers, "Also tag the actors listed in FILE (repeatable)")
      ->type_name("FILE")
      ->check(non_empty_path());
  command->add_flag("--no-capitals", flags->no_capitals,
                    "Do not count a capital (\"Beijing\") as a mention of its country");
  command->add_flag("--json", flags->json, "Print one JSON object per input");
  command->footer(
      "JSON (one object per input): {\"path\", \"countries\": [{\"code\", \"name\", \"mentions\", "
      "\"surfaces\"}],\n"
      "\"actors\": [{\"id\", \"name\", \"kind\", \"country\", \"mentions\", \"surfaces\"}]}; surfaces are "
      "the\n"
      "exact strings matched. A folder is walked as 'dossier index' walks it (hidden files,\n"
      "version-control folders, .dossierignore rules, links and unsupported formats skipped).\n"
      "Exit codes: 0 something found, 1 nothing found, 2 error (a file that could not be read).");
  command->callback([flags, &runner] { runner = [flags] { return run_entities_command(*flags); }; });
}

}  // namespace dossier::cli
