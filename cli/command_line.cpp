#include "command_line.h"

#include <algorithm>
#include <cstdio>
#include <exception>

#include "dossier/analysis/printable.h"
#include "exit_codes.h"
#include "usage_error.h"

namespace dossier::cli {
namespace {

std::vector<FlagSyntax> flags_of(const CLI::App& app) {
  std::vector<FlagSyntax> flags;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_positional()) continue;
    FlagSyntax flag;
    for (const std::string& name : option->get_lnames())
      flag.names.push_back("--" + name);
    for (const std::string& name : option->get_snames())
      flag.names.push_back("-" + name);
    flag.takes_value = option->get_expected_max() > 0;
    flag.repeatable = option->get_expected_max() > 1;
    flags.push_back(std::move(flag));
  }
  return flags;
}

PositionalKind positionals_of(const CLI::App& command) {
  if (command.get_prefix_command()) return PositionalKind::Raw;
  const auto options = command.get_options();
  const bool query = std::any_of(options.begin(), options.end(), [](const CLI::Option* option) {
    return option->get_positional() && option->get_name() == kQueryWords;
  });
  return query ? PositionalKind::QueryWords : PositionalKind::Paths;
}

// CLI11's own messages for what the classifier leaves to it (checks of values, positionals that
// are missing or too many), as one line naming the command.
std::string message_of(const CLI::ParseError& error, const CLI::App& app) {
  const auto chosen = app.get_subcommands();
  const CLI::App& command = chosen.empty() ? app : *chosen.front();
  const std::string name = command.get_name();
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    auto extra = command.remaining();
    extra.erase(std::remove(extra.begin(), extra.end(), "--"), extra.end());  // the classifier's separator
    if (!extra.empty()) {
      return name + ": unexpected argument '" + analysis::printable(extra.front()) + "' (see 'dossier " +
             name + " --help')";
    }
  }
  std::string text = error.what();
  text = text.substr(0, text.find('\n'));
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) return name + ": " + text;
  return text;
}

// CLI11 lets a repeatable option take every word after it ("--country US espionage" would make
// "espionage" a country); the classifier already joins each value to its flag, and this keeps it
// so for anything that reaches CLI11 another way.
void one_value_per_occurrence(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (!option->get_positional() && option->get_expected_max() > 1) option->allow_extra_args(false);
  }
  for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; }))
    one_value_per_occurrence(*command);
}

}  // namespace

ProgramSyntax syntax_of(const CLI::App& app) {
  ProgramSyntax syntax;
  syntax.flags = flags_of(app);
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    syntax.commands.push_back(
        {command->get_name(), flags_of(*command), positionals_of(*command), command->get_group().empty()});
  }
  return syntax;
}

int run_command_line(CLI::App& app, const CommandRunner& runner, const std::vector<std::string>& args) {
  try {
    one_value_per_occurrence(app);
    std::vector<std::string> sorted = classify_arguments(syntax_of(app), args);
    std::reverse(sorted.begin(), sorted.end());  // CLI11 takes a vector last argument first
    app.parse(sorted);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "error: %s\n", message_of(e, app).c_str());
    return kExitError;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return kExitError;
  }
  try {
    return runner();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return kExitError;
  }
}

}  // namespace dossier::cli
