/// \file
/// Sorts a command line into the command, its flags with their values, and its positional words
/// before CLI11 sees it, so that a flag takes exactly one value wherever it stands, `-word` in a
/// query is a NOT term, and every mistake is one clear message.
#pragma once

#include <string>
#include <vector>

namespace dossier::cli {

/// One flag of a command, as the classifier needs to know it.
struct FlagSyntax {
  std::vector<std::string> names;  ///< with their dashes: "--limit", "-n"
  bool takes_value = false;        ///< `--limit N`; false for switches such as `--json`
  bool repeatable = false;         ///< may be given several times, one value each (`--country`)
};

/// What a command's positional arguments are.
enum class PositionalKind {
  Paths,       ///< files, folders or names: a word starting with "-" is a flag (or an error)
  QueryWords,  ///< query words: "-word" that is no flag of the command is a word (a NOT term)
  Raw,         ///< passed on untouched, flags included (the hidden `complete` helper)
};

/// One subcommand.
struct CommandSyntax {
  std::string name;
  std::vector<FlagSyntax> flags;
  PositionalKind positionals = PositionalKind::Paths;
  bool hidden = false;  ///< not offered in "unknown command" messages
};

/// The whole program: its own flags (`--help`, `--version`) and its subcommands.
struct ProgramSyntax {
  std::vector<FlagSyntax> flags;
  std::vector<CommandSyntax> commands;
};

/// Rewrites `args` (argv without the program name) as `COMMAND FLAG... -- POSITIONAL...`, each
/// flag that takes a value joined to it as `--long=VALUE`, so the parser after it cannot take a
/// query word for a value or a value for a flag. Rules:
/// - the value of a flag is the next argument, whatever it looks like (`--offset -1` gives -1 to
///   its check), or the text after `=` (`--limit=5`) or after a short flag (`-n5`);
/// - short flags without values may be clustered (`-qv`); `--` ends the flags;
/// - for a command with query words, an argument starting with "-" that is no flag of the command
///   is a word (`espionage -norway`: NOT norway), and so is `-n` followed by anything but a number
///   (`-norway`); before the first word, a single-dash spelling of a long flag (`-json`) is refused
///   as a likely typo;
/// - a switch given twice counts once; a value flag that is not repeatable may be given once.
/// A program flag alone (`--help`, `--version`) is passed on as it is. Throws `UsageError` for an
/// unknown or missing command, an unknown flag (with the closest known name), a flag without its
/// value, a value given to a switch, or a flag given twice.
std::vector<std::string> classify_arguments(const ProgramSyntax& syntax,
                                            const std::vector<std::string>& args);

/// The name in `names` closest to `word` (at most 2 edits, or sharing a prefix of 3 characters),
/// or "" when none is close: for "did you mean" hints.
std::string closest_name(const std::string& word, const std::vector<std::string>& names);

}  // namespace dossier::cli
