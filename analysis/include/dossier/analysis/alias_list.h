/// \file
/// Reads the names a report gives a threat group in passing: "Leviathan, also known as TEMP or
/// Periscope", "Swallowtail (aka APT28, Fancy Bear)", "a threat actor known as Hydro", "the group
/// named “Foo”".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/analysis/analyzer.h"

namespace dossier::analysis {

/// What the words before an alias list say the listed names are.
enum class ListAnchor {
  None,       ///< nothing: the list names nothing the tagger can use
  Group,      ///< a threat group's name ("APT40, also known as ..."): the names are its aliases
  GroupWord,  ///< a word for a group ("a threat actor known as ..."): the names are a new group
  Name,       ///< a capitalised name no gazetteer knows ("Swallowtail (aka ..."): one of the names
};

/// A phrase that introduces other names of what stands before it.
struct ListTrigger {
  std::size_t length = 0;  ///< tokens of the phrase (0: an opening quote after a group word)
  bool naming = false;     ///< "named", "dubbed", "called": only after a group word ("group named X")
};

/// When `tokens[first]` starts an alias phrase ("aka", "a.k.a.", "also known as", "known by the
/// aliases", "tracked as", "we call") or a naming word ("named", "dubbed", "called"), returns it.
std::optional<ListTrigger> list_trigger(const std::vector<Token>& tokens, std::size_t first);

/// The same, when only white space and quotation marks follow the phrase (`text` is the tokens'
/// text): "known as “Foo”", not "known as. Foo".
std::optional<ListTrigger> list_trigger(std::string_view text, const std::vector<Token>& tokens,
                                        std::size_t first);

/// What the words before the alias phrase at `tokens[first]` (first > 0) say, when nothing, a
/// comma or "(" separates them from it. `named_group` tells about a gazetteer name ending right
/// before the phrase: `std::nullopt` when there is none, true when it is one threat group's.
/// Naming words ("named") need a group word before them.
ListAnchor list_anchor(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                       bool naming, std::optional<bool> named_group);

/// The first token of the capitalised name of at most 3 words that ends at `tokens[end - 1]`.
std::size_t name_before(std::string_view text, const std::vector<Token>& tokens, std::size_t end);

/// The names alias lists gave groups in one document, to find their later mentions.
class ListedNames {
 public:
  /// Remembers that the folded words `terms` name the actor `id`.
  void remember(std::vector<std::string> terms, std::string id);

  /// The id of a remembered name starting, capitalised, at `tokens[first]`, and its length in tokens.
  std::optional<std::pair<std::string, std::size_t>> find(std::string_view text,
                                                          const std::vector<Token>& tokens,
                                                          std::size_t first) const;

 private:
  std::vector<std::pair<std::vector<std::string>, std::string>> names_;
};

/// True when `term` (folded) is a word for a threat group: group, actor, gang, crew, APT...
bool is_group_word(std::string_view term);

/// True when the text between two tokens ends with an opening quotation mark attached to the next
/// token, with nothing but spaces before it (“, ", ‘, ', «, or * and ** for emphasis): `actor “Foo`.
bool quotes_name(std::string_view gap);

/// True when the text between two tokens holds only white space and quotation marks.
bool plain_gap(std::string_view gap);

/// The number of tokens (1 to 4) of the capitalised name that starts at `tokens[first]` ("Fancy
/// Lazarus", "JiiN"): capitalised words joined by single spaces or hyphens, none a function word
/// or a word for a group. 0 when `tokens[first]` cannot start a name.
std::size_t listed_name_length(std::string_view text, const std::vector<Token>& tokens, std::size_t first);

/// How many tokens after `tokens[last]` (the end of a listed name) the next listed name starts:
/// after ", ", " or ", ", and ", "/", ";", or "(aka " and the other alias phrases; quotation marks
/// around names are ignored. `std::nullopt` when the list ends there (any other punctuation, a
/// closing parenthesis, a sentence end, an ordinary word, or the end of `tokens`).
std::optional<std::size_t> next_listed_name(std::string_view text, const std::vector<Token>& tokens,
                                            std::size_t last);

}  // namespace dossier::analysis
