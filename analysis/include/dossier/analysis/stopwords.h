/// \file
/// English function words that carry no weight in a ranked query.
#pragma once

#include <string_view>

namespace dossier::analysis {

/// True when `folded` (a word as the analyzer folds it: lower case, no accents) is one of 33
/// English function words ("the", "of", "and", "what", ...) that a ranked query (`--any`) leaves
/// out: they match nearly every document and only add noise to the ranking. Documents still index
/// them, so phrases and all-words queries find them.
bool is_query_stopword(std::string_view folded) noexcept;

}  // namespace dossier::analysis
