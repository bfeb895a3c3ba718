// `dossier complete [--] WORD...`: the hidden helper behind the bash and zsh completions. WORDs
// are the command line after `dossier`, the last one the word being completed (maybe empty). It
// prints what that word can become: a first line `words`, `files` or `folders` (the shell then
// completes file or folder names itself), then for `words` one candidate per line. Subcommands
// and flags come from the same definitions as --help, so completion never lags behind them;
// --country and --actor values are the countries and actors the index's documents name.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "command_line.h"
#include "dossier/searcher/index_stats.h"
#include "environment.h"
#include "exit_codes.h"
#include "flag_values.h"

namespace dossier::cli {
namespace {

enum class CompletionKind { Words, Files, Folders };

struct Completion {
  CompletionKind kind = CompletionKind::Words;
  std::vector<std::string> words;
};

// What a flag's value is, for completion.
enum class ValueKind { None, Files, Folders, Countries, Actors, Formats, SortOrders };

struct FlagValueKind {
  std::string_view flag;
  ValueKind kind;
};

constexpr FlagValueKind kValueKinds[] = {
    {"--db", ValueKind::Folders},     {"--gazetteer", ValueKind::Files},   {"--like", ValueKind::Files},
    {"--batch", ValueKind::Files},    {"--country", ValueKind::Countries}, {"--actor", ValueKind::Actors},
    {"--format", ValueKind::Formats}, {"--sort", ValueKind::SortOrders},
};

ValueKind value_kind(const std::string& flag) {
  for (const FlagValueKind& entry : kValueKinds) {
    if (entry.flag == flag) return entry.kind;
  }
  return ValueKind::None;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// Case-insensitive for ASCII letters: "no" completes to "Norway" and "NO".
bool starts_with_folded(const std::string& text, const std::string& prefix) {
  if (prefix.size() > text.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

const FlagSyntax* find_flag(const CommandSyntax& command, const std::string& name) {
  for (const FlagSyntax& flag : command.flags) {
    if (std::find(flag.names.begin(), flag.names.end(), name) != flag.names.end()) return &flag;
  }
  return nullptr;
}

// The index a command line names (`--db DIR` or `--db=DIR`), else the default one.
std::optional<std::string> database_of(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--db" && i + 1 < words.size()) return words[i + 1];
    if (starts_with(words[i], "--db=")) return words[i].substr(5);
  }
  return std::nullopt;
}

// The countries (codes and names) or actors (ids and names) the index's documents name; none when
// there is no readable index.
std::vector<std::string> index_values(ValueKind kind, const std::vector<std::string>& words) {
  std::vector<std::string> values;
  try {
    const searcher::IndexStats stats =
        searcher::read_index_stats(resolve_database(database_of(words), read_database_environment()), 0);
    if (kind == ValueKind::Countries) {
      for (const searcher::FacetValue& country : stats.countries)
        values.insert(values.end(), {country.value, country.name});
    } else {
      for (const searcher::FacetValue& actor : stats.actors)
        values.insert(values.end(), {actor.value, actor.name});
    }
  } catch (const std::exception&) {
    // Completion must never print an error into the user's command line.
  }
  return values;
}

Completion complete_value(ValueKind kind, const std::string& prefix, const std::vector<std::string>& words) {
  std::vector<std::string> values;
  switch (kind) {
    case ValueKind::Files:
      return {CompletionKind::Files, {}};
    case ValueKind::Folders:
      return {CompletionKind::Folders, {}};
    case ValueKind::Countries:
    case ValueKind::Actors:
      values = index_values(kind, words);
      break;
    case ValueKind::Formats:
      values = words.front() == "watch" ? watch_format_values() : format_values();
      break;
    case ValueKind::SortOrders:
      values = sort_values();
      break;
    case ValueKind::None:
      break;
  }
  Completion completion;
  for (const std::string& value : values) {
    if (starts_with_folded(value, prefix)) completion.words.push_back(value);
  }
  std::sort(completion.words.begin(), completion.words.end());
  completion.words.erase(std::unique(completion.words.begin(), completion.words.end()),
                         completion.words.end());
  return completion;
}

// A value typed after an opening quote (`--actor "Fancy B`) is matched without the quote and
// offered with it, so the shell leaves the quoting to the user.
Completion complete_typed_value(ValueKind kind, const std::string& typed,
                                const std::vector<std::string>& words) {
  if (typed.empty() || (typed[0] != '"' && typed[0] != '\'')) return complete_value(kind, typed, words);
  Completion completion = complete_value(kind, typed.substr(1), words);
  for (std::string& word : completion.words)
    word.insert(0, 1, typed[0]);
  return completion;
}

Completion complete_flag_name(const std::vector<FlagSyntax>& flags, const std::string& prefix) {
  Completion completion;
  for (const FlagSyntax& flag : flags) {
    for (const std::string& name : flag.names) {
      if (starts_with(name, "--") && starts_with(name, prefix)) completion.words.push_back(name);
    }
  }
  std::sort(completion.words.begin(), completion.words.end());
  return completion;
}

// The first word of `dossier watch` is its action; after it come names and query words.
Completion complete_watch_action(const std::vector<std::string>& before, const std::string& current) {
  const std::vector<std::string> actions = watch_actions();
  const bool chosen = std::any_of(before.begin(), before.end(), [&actions](const std::string& word) {
    return std::find(actions.begin(), actions.end(), word) != actions.end();
  });
  Completion completion;
  for (const std::string& action : chosen ? std::vector<std::string>{} : actions) {
    if (starts_with(action, current)) completion.words.push_back(action);
  }
  return completion;
}

// `words` as bash splits them too: "--country", "=", "No" stands for "--country=No".
Completion complete_in_command(const CommandSyntax& command, const std::vector<std::string>& words) {
  const std::string& current = words.back();
  const std::vector<std::string> before(words.begin() + 1, words.end() - 1);
  const bool after_separator = std::find(before.begin(), before.end(), "--") != before.end();
  const std::string previous = before.empty() ? "" : before.back();
  const FlagSyntax* previous_flag = find_flag(command, previous);
  if (!after_separator && previous_flag != nullptr && previous_flag->takes_value) {
    if (current == "=") {  // bash, cursor right after "--flag="
      Completion completion = complete_value(value_kind(previous), "", words);
      for (std::string& word : completion.words)
        word.insert(0, "=");
      return completion;
    }
    return complete_typed_value(value_kind(previous), current, words);
  }
  if (!after_separator && previous == "=" && before.size() >= 2) {
    const FlagSyntax* flag = find_flag(command, before[before.size() - 2]);
    if (flag != nullptr && flag->takes_value)
      return complete_typed_value(value_kind(before[before.size() - 2]), current, words);
  }
  if (!after_separator && starts_with(current, "--") && current.find('=') != std::string::npos) {
    const std::string flag = current.substr(0, current.find('='));
    Completion completion = complete_value(value_kind(flag), current.substr(flag.size() + 1), words);
    for (std::string& word : completion.words)
      word.insert(0, flag + "=");
    return completion;
  }
  if (!after_separator && starts_with(current, "-")) return complete_flag_name(command.flags, current);
  if (command.name == "watch") return complete_watch_action(before, current);
  if (command.positionals == PositionalKind::QueryWords) return {};
  return {CompletionKind::Files, {}};
}

Completion complete(const ProgramSyntax& syntax, std::vector<std::string> words) {
  if (words.empty()) words.emplace_back();
  if (words.size() == 1) {
    if (starts_with(words.front(), "-")) return complete_flag_name(syntax.flags, words.front());
    Completion completion;
    for (const CommandSyntax& command : syntax.commands) {
      if (!command.hidden && starts_with(command.name, words.front()))
        completion.words.push_back(command.name);
    }
    return completion;
  }
  for (const CommandSyntax& command : syntax.commands) {
    if (command.name == words.front() && command.positionals != PositionalKind::Raw)
      return complete_in_command(command, words);
  }
  return {};
}

int run_complete_command(const CLI::App& app, std::vector<std::string> words) {
  if (!words.empty() && words.front() == "--") words.erase(words.begin());
  const Completion completion = complete(syntax_of(app), words);
  const char* kinds[] = {"words", "files", "folders"};
  std::printf("%s\n", kinds[static_cast<int>(completion.kind)]);
  for (const std::string& word : completion.words)
    std::printf("%s\n", word.c_str());
  return kExitOk;
}

}  // namespace

void add_complete_command(CLI::App& app, CommandRunner& runner) {
  CLI::App* command = app.add_subcommand("complete", "Shell completion helper");
  command->group("");  // hidden: the completion scripts call it
  command->prefix_command();
  command->allow_extras();
  command->set_help_flag();  // "--help" may be a word being completed
  command->callback([command, &app, &runner] {
    runner = [&app, words = command->remaining()] { return run_complete_command(app, words); };
  });
}

}  // namespace dossier::cli
