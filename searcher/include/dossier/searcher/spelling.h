/// \file
/// "Did you mean": corrections of misspelt query words from the index's own vocabulary.
#pragma once

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/analyzer.h"
#include "dossier/searcher/entity_directory.h"
#include "dossier/searcher/query_parser.h"

namespace dossier::searcher {

/// The number of code-point edits (insertions, deletions, substitutions) that turn `a` into `b`;
/// both are valid UTF-8.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The nearest indexed word for the folded letter word `term`, or `std::nullopt`: a word of the
/// index's vocabulary (unprefixed terms) that starts with the same character, differs by at most
/// one edit (two for words of 7 characters or more), is in more documents than `term`, is not
/// `term` with an ending of two or more letters cut off (never "travel" for "travelex") and passes
/// `acceptable` when given; the fewest edits win, then the most documents. Words shorter than 4
/// characters get no correction. The search is bounded by the first character
/// (`Xapian::Database::allterms_begin(prefix)`).
std::optional<std::string> nearest_word(const Xapian::Database& database, const std::string& term,
                                        const std::function<bool(const std::string&)>& acceptable = {});

/// A query word found in fewer documents than this (by its exact form or its stem) may be misspelt;
/// a more common one is never corrected.
inline constexpr Xapian::doccount kRareWord = 3;

/// What `suggest_query` looks words up in.
struct SpellingContext {
  const Xapian::Database& database;
  const analysis::Analyzer& analyzer;
  /// The index's languages: a word's stem in each counts as finding it; empty: the analyzer's default.
  std::vector<std::string> stem_languages;
  /// When set, a word naming an actor it knows (`MIVD`) is never corrected: it is a name.
  const EntityResolver* names = nullptr;
};

/// `query` (the text `tree` was parsed from) with each plain word that has a `nearest_word`
/// replaced by it (folded: "Chinese espionnage" -> "Chinese espionage"); `std::nullopt` when no word
/// changes. Only letter words in the text or under `title:` are considered, and of those only the
/// rare ones (in fewer than `kRareWord` documents by their exact form or any stem, so the filters
/// of a search and the other words never matter): never identifiers, numbers, phrases, wildcards,
/// field values, negated words, acronyms as typed (`MIVD`: two to six letters, none lower case),
/// names of known actors, or a correction with the word's own stem (the search found those
/// already). Nothing is rewritten or searched.
std::optional<std::string> suggest_query(const SpellingContext& context, std::string_view query,
                                         const QueryNode& tree);

}  // namespace dossier::searcher
