/// \file
/// Recognises an acronym defined in the text itself: "Ministry of State Security (MSS)".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/analyzer.h"

namespace dossier::analysis {

/// The long form an acronym was defined with.
struct AcronymDefinition {
  std::size_t first = 0;            ///< index in the token list of the long name's first word
  std::string name;                 ///< the long name as written ("Ministry of State Security")
  std::string id;                   ///< "unknown-" + the long name's folded words joined by "-"
  bool names_organisation = false;  ///< the long name has an organisation word (ministry, bureau...)
};

/// The id of an actor a report names and no gazetteer knows, from the folded words
/// `tokens[first..end)`: "unknown-" + their ASCII letters and digits joined by "-", or a digest of
/// `name` when they have none.
std::string unknown_actor_id(const std::vector<Token>& tokens, std::size_t first, std::size_t end,
                             std::string_view name);

/// When `tokens[acronym]` is an acronym (2 to 8 ASCII capitals and digits, two capitals at least)
/// written in parentheses right after the capitalised words whose initials spell it (small words
/// like "of", "and", "the" may sit between them), returns that definition. Looks back at most 12
/// words and never across sentence punctuation.
std::optional<AcronymDefinition> find_acronym_definition(std::string_view text,
                                                         const std::vector<Token>& tokens,
                                                         std::size_t acronym);

}  // namespace dossier::analysis
