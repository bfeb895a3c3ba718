#include "argument_classifier.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "dossier/analysis/printable.h"
#include "dossier/searcher/spelling.h"
#include "usage_error.h"

namespace dossier::cli {
namespace {

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// "-n5", "-n-1", "-n+3": a short flag's attached value that is a number (or a signed one, which
// its check then refuses). "-norway" is not: in a query, that is a word to exclude.
bool looks_numeric(const std::string& text) {
  if (text.empty()) return false;
  const std::size_t first = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  return first < text.size() && is_digit(text[first]);
}

// "--json", "--limit=5": a long flag, as opposed to "--" or a word such as "---" or "--5".
bool looks_long(const std::string& arg) {
  return arg.size() > 2 && starts_with(arg, "--") && std::isalpha(static_cast<unsigned char>(arg[2]));
}

const FlagSyntax* find_flag(const std::vector<FlagSyntax>& flags, const std::string& name) {
  for (const FlagSyntax& flag : flags) {
    if (std::find(flag.names.begin(), flag.names.end(), name) != flag.names.end()) return &flag;
  }
  return nullptr;
}

// The name a flag is known by in messages and in the rewritten command line.
const std::string& main_name(const FlagSyntax& flag) {
  for (const std::string& name : flag.names) {
    if (starts_with(name, "--")) return name;
  }
  return flag.names.front();
}

std::vector<std::string> long_names(const std::vector<FlagSyntax>& flags) {
  std::vector<std::string> names;
  for (const FlagSyntax& flag : flags) {
    for (const std::string& name : flag.names) {
      if (starts_with(name, "--")) names.push_back(name);
    }
  }
  return names;
}

std::string in_quotes(const std::string& text) {
  return "'" + analysis::printable(text) + "'";
}

// Sorts the arguments of one command (after its name) into flags and positionals.
class CommandSorter {
 public:
  CommandSorter(const CommandSyntax& command, const std::vector<std::string>& args)
      : command_(command), args_(args) {}

  std::vector<std::string> sorted() {
    bool after_separator = false;
    while (next_ < args_.size()) {
      const std::string& arg = args_[next_++];
      if (after_separator) {
        add_word(arg);
      } else if (arg == "--") {
        after_separator = true;
      } else if (looks_long(arg)) {
        take_long(arg);
      } else if (arg.size() < 2 || arg[0] != '-' || !take_short(arg)) {
        add_word(arg);
      }
    }
    std::vector<std::string> out{command_.name};
    out.insert(out.end(), flags_.begin(), flags_.end());
    out.emplace_back("--");
    out.insert(out.end(), words_.begin(), words_.end());
    return out;
  }

 private:
  bool query() const { return command_.positionals == PositionalKind::QueryWords; }

  void add_word(const std::string& word) {
    words_.push_back(word);
    words_started_ = true;
  }

  [[noreturn]] void unknown(const std::string& flag) const {
    const std::string bare = flag.substr(0, flag.find('='));
    const std::string near = closest_name(bare, long_names(command_.flags));
    std::string hint;
    if (!near.empty()) {
      hint = " (did you mean " + near + "?)";
    } else if (query() && looks_long(bare)) {
      hint = " (to exclude a word from the search, write it with one dash: " + bare.substr(1) + ")";
    } else {
      hint = " (see 'dossier " + command_.name + " --help')";
    }
    throw UsageError(analysis::printable(bare) + ": unknown flag" + hint);
  }

  // True when `arg` is a flag of this command, spelt out in full: it cannot be another flag's value.
  bool is_flag(const std::string& arg) const {
    return find_flag(command_.flags, arg.substr(0, arg.find('='))) != nullptr;
  }

  void take_long(const std::string& arg) {
    const std::size_t equals = arg.find('=');
    const FlagSyntax* flag = find_flag(command_.flags, arg.substr(0, equals));
    if (flag == nullptr) unknown(arg);
    if (!flag->takes_value) {
      if (equals != std::string::npos) throw UsageError(main_name(*flag) + ": takes no value");
      add_switch(*flag);
    } else if (equals != std::string::npos) {
      add_value(*flag, arg.substr(equals + 1));
    } else {
      add_value(*flag, take_next_value(*flag));
    }
  }

  // "-n 5", "-n5", "-qv", "-h". Returns false (a word) for what a query word may be: "-norway",
  // "-5", or anything with a letter that is no short flag of the command.
  bool take_short(const std::string& arg) {
    if (find_flag(command_.flags, "-" + arg) != nullptr && (!query() || !words_started_)) {
      throw UsageError(analysis::printable(arg) + ": unknown flag (did you mean -" +
                       analysis::printable(arg) + "?)");
    }
    std::vector<const FlagSyntax*> switches;
    for (std::size_t i = 1; i < arg.size(); ++i) {
      const FlagSyntax* flag = find_flag(command_.flags, std::string("-") + arg[i]);
      if (flag == nullptr) {
        if (query()) return false;
        unknown(std::string("-") + arg[i]);
      }
      if (!flag->takes_value) {
        switches.push_back(flag);
        continue;
      }
      const std::string rest = arg.substr(i + 1);
      if (!rest.empty() && query() && !looks_numeric(rest)) return false;
      for (const FlagSyntax* s : switches)
        add_switch(*s);
      add_value(*flag, rest.empty() ? take_next_value(*flag) : rest);
      return true;
    }
    for (const FlagSyntax* s : switches)
      add_switch(*s);
    return true;
  }

  std::string take_next_value(const FlagSyntax& flag) {
    if (next_ >= args_.size() || is_flag(args_[next_])) throw UsageError(main_name(flag) + ": needs a value");
    return args_[next_++];
  }

  void add_switch(const FlagSyntax& flag) {
    if (switches_.insert(main_name(flag)).second) flags_.push_back(main_name(flag));
  }

  void add_value(const FlagSyntax& flag, const std::string& value) {
    const std::string& name = main_name(flag);
    if (++values_[name] > 1 && !flag.repeatable) throw UsageError(name + ": given more than once");
    // "--db=" would make CLI11 take the next argument as the value: an empty one stands apart.
    if (starts_with(name, "--") && !value.empty()) {
      flags_.push_back(name + "=" + value);
    } else {
      flags_.insert(flags_.end(), {name, value});
    }
  }

  const CommandSyntax& command_;
  const std::vector<std::string>& args_;
  std::size_t next_ = 1;
  std::vector<std::string> flags_;
  std::vector<std::string> words_;
  std::set<std::string> switches_;
  std::map<std::string, int> values_;
  bool words_started_ = false;
};

std::string command_list(const ProgramSyntax& syntax) {
  std::string list;
  for (const CommandSyntax& command : syntax.commands) {
    if (!command.hidden) list += (list.empty() ? "" : ", ") + command.name;
  }
  return list;
}

const CommandSyntax& find_command(const ProgramSyntax& syntax, const std::string& name) {
  std::vector<std::string> names;
  for (const CommandSyntax& command : syntax.commands) {
    if (command.name == name) return command;
    if (!command.hidden) names.push_back(command.name);
  }
  const std::string near = closest_name(name, names);
  throw UsageError("unknown command " + in_quotes(name) +
                   (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                   "; commands: " + command_list(syntax));
}

}  // namespace

std::string closest_name(const std::string& word, const std::vector<std::string>& names) {
  const std::string bare = word.substr(
      word.find_first_not_of('-') == std::string::npos ? word.size() : word.find_first_not_of('-'));
  std::string best;
  std::size_t best_distance = bare.size() >= 4 ? 3 : 2;
  std::size_t prefix_matches = 0;
  std::string prefix_match;
  for (const std::string& name : names) {
    const std::string name_bare = name.substr(std::min(name.find_first_not_of('-'), name.size()));
    const std::size_t distance = searcher::edit_distance(bare, name_bare);
    if (distance < best_distance) {
      best_distance = distance;
      best = name;
    }
    if (bare.size() >= 3 && starts_with(name_bare, bare)) {
      ++prefix_matches;
      prefix_match = name;
    }
  }
  if (best.empty() && prefix_matches == 1) return prefix_match;
  return best;
}

std::vector<std::string> classify_arguments(const ProgramSyntax& syntax,
                                            const std::vector<std::string>& args) {
  if (args.empty()) {
    throw UsageError("no command given; commands: " + command_list(syntax) + " (see 'dossier --help')");
  }
  const std::string& first = args.front();
  if (first.size() > 1 && first[0] == '-') {
    if (find_flag(syntax.flags, first) != nullptr) return args;
    const std::string near = closest_name(first, long_names(syntax.flags));
    throw UsageError(analysis::printable(first) + ": unknown flag" +
                     (near.empty() ? " (see 'dossier --help')" : " (did you mean " + near + "?)"));
  }
  const CommandSyntax& command = find_command(syntax, first);
  if (command.positionals == PositionalKind::Raw) return args;
  return CommandSorter(command, args).sorted();
}

}  // namespace dossier::cli
