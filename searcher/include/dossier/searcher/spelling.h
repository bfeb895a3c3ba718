/// \file
/// "Did you mean": corrections of misspelt query words from the index's own vocabulary.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include "dossier/analysis/analyzer.h"
#include "dossier/searcher/query_parser.h"

namespace dossier::searcher {

/// The number of code-point edits (insertions, deletions, substitutions) that turn `a` into `b`;
/// both are valid UTF-8.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The nearest indexed word for the folded letter word `term`, or `std::nullopt`: a word of the
/// index's vocabulary (unprefixed terms) that starts with the same character, differs by at most
/// one edit (two for words of 7 characters or more) and is in more documents than `term`; the
/// fewest edits win, then the most documents. Words shorter than 4 characters get no correction.
/// The search is bounded by the first character (`Xapian::Database::allterms_begin(prefix)`).
std::optional<std::string> nearest_word(const Xapian::Database& database, const std::string& term);

/// `query` (the text `tree` was parsed from) with each plain word that has a `nearest_word`
/// replaced by it (folded: "Chinese espionnage" -> "Chinese espionage"); `std::nullopt` when no word
/// changes. Only letter words in the text or under `title:` are considered: never identifiers,
/// numbers, phrases, wildcards, field values or negated words. Nothing is rewritten or searched.
std::optional<std::string> suggest_query(const Xapian::Database& database, std::string_view query,
                                         const QueryNode& tree, const analysis::Analyzer& analyzer);

}  // namespace dossier::searcher
