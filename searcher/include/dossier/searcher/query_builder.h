/// \file
/// Turns a parsed query into a `Xapian::Query`, making every term with the shared analyzer.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "dossier/analysis/analyzer.h"
#include "dossier/searcher/entity_directory.h"
#include "dossier/searcher/match_terms.h"
#include "dossier/searcher/query_parser.h"

namespace dossier::searcher {

/// How juxtaposed terms (`a b`) combine.
enum class DefaultOperator {
  And,  ///< every term must match (the default)
  Or,   ///< any term may match; more matching terms rank higher (`--any`)
};

/// What a query is built with.
struct QueryContext {
  const analysis::Analyzer& analyzer;
  const EntityResolver& resolver;  ///< country, actor and language names
  DefaultOperator default_operator = DefaultOperator::And;
  std::vector<std::string> stem_languages;  ///< the index's languages; empty means the analyzer's default
  bool expand_aliases = false;  ///< a word or phrase naming an actor also matches that actor's filter term
  /// Weight of a query word found in a match's title (`ZS`, or `S` for an exact word), relative to
  /// the body's; 0: none. The searcher uses `kDefaultTitleWeight`.
  double title_weight = 0.0;
  /// Term statistics of the index searched, for weighing an actor's other names like one mention
  /// of the actor (see `build_query`); null: the names weigh as they are.
  const Xapian::Database* statistics = nullptr;
};

/// How many indexed words a wildcard may expand to (the most frequent ones win).
inline constexpr Xapian::termcount kWildcardLimit = 100;

/// A quarter of a body match: with it Dossier leads quest on all four test collections
/// (`scripts/eval-ranking`); more favours short, title-only matches.
inline constexpr double kDefaultTitleWeight = 0.25;

/// A query ready to run, with what a snippet should highlight.
struct BuiltQuery {
  Xapian::Query query;
  MatchTerms match_terms;
  std::vector<std::string> alias_actors;  ///< ids of the actors positive words were expanded to
  /// The positive wildcards as prefixed patterns ("espion", "Styph", "Prep"): what `--explain`
  /// expands to list the words a hit matched.
  std::vector<std::string> wildcards;
};

/// Builds the Xapian query for `tree`:
/// - a word becomes its stem term (`Z` prefix) when it is a letter word, else its exact term
///   (numbers, identifiers, ideographs); with several index languages, the word's stems in each,
///   as one `OP_SYNONYM` (weighted as one term); a word the analyzer splits into several tokens
///   ("China-based", "国家安全部") becomes a phrase of them; `*` alone matches every document;
/// - a quoted phrase matches its exact, unstemmed terms in order; a one-word phrase is that exact word;
/// - `NOT x` and `-x` exclude (`a -b` is `a AND_NOT b`; a query of exclusions only excludes from all);
/// - fields: `title:` and `author:` match title and author words (ranked); `path:` folder or file
///   name words, `type:` a format (txt, md, html, pdf, docx, odt; another is a `QuerySyntaxError`
///   naming them), `lang:` a language code or name,
///   `date:FROM..TO` (YYYY, YYYY-MM or YYYY-MM-DD; either end may be left out; one date alone is
///   that date) documents whose whole date lies in the range, `country:` and `actor:` names
///   resolved by the resolver — these select without changing the ranking;
/// - juxtaposed words of the text gain weight where they stand together in a document: for each
///   pair of neighbouring words (function words skipped, at most `kMaxProximityPairs` pairs), the
///   pair as a phrase and within 10 words of each other, as `OP_AND_MAYBE` (ranks change, matches
///   do not); also with `DefaultOperator::Or`;
/// - with `expand_aliases`, a word, or juxtaposed words, of the text that
///   `EntityResolver::find_actors` knows (`APT28`, `Fancy Bear`, `国家安全部`) also match the actors'
///   filter terms (`XA` + id): documents the tagger found naming the actor under any alias. In them
///   the actor's other names weigh, each scaled to the actor's idf (with `statistics`), and the
///   typed words and the names are alternatives (`OP_MAX`): the actor counts once per document,
///   by its best-weighted name, so an alias list counts as one mention. A quoted phrase stays exact;
/// - a word with nothing to search (punctuation) is dropped;
/// - matches whose title holds a query word (its stem, or the exact word for identifiers and
///   numbers) gain `title_weight` of it.
/// Throws `QuerySyntaxError` when nothing searchable is left or a date is malformed (with its
/// column), `UnknownEntityError` (from the resolver) for a country, actor or language the index
/// does not know.
BuiltQuery build_query(const QueryNode& tree, const QueryContext& context);

/// The query for documents whose whole date lies between `first_day` and `last_day` (YYYYMMDD,
/// inclusive; 0 for an open end). It selects without weight.
Xapian::Query date_range_query(int first_day, int last_day);

}  // namespace dossier::searcher
