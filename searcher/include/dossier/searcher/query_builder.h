/// \file
/// Turns a parsed query into a `Xapian::Query`, making every term with the shared analyzer.
#pragma once

#include <xapian.h>

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

/// A query ready to run, with what a snippet should highlight.
struct BuiltQuery {
  Xapian::Query query;
  MatchTerms match_terms;
};

/// Builds the Xapian query for `tree`:
/// - a word becomes its stem term (`Z` prefix) when it is a letter word, else its exact term
///   (numbers, identifiers, ideographs); a word the analyzer splits into several tokens
///   ("China-based", "国家安全部") becomes a phrase of them;
/// - a quoted phrase matches its exact, unstemmed terms in order; a one-word phrase is that exact word;
/// - `NOT x` and `-x` exclude (`a -b` is `a AND_NOT b`; a query of exclusions only excludes from all);
/// - fields: `title:` matches title words (ranked); `path:` folder or file name words, `type:` a
///   format (txt, md...), `country:` and `actor:` names resolved by `resolver` — these four
///   select without changing the ranking;
/// - a word with nothing to search (punctuation) is dropped.
/// Throws `QuerySyntaxError` when nothing searchable is left, `UnknownEntityError` (from the
/// resolver) for a country or actor the index does not know.
BuiltQuery build_query(const QueryNode& tree, const analysis::Analyzer& analyzer,
                       DefaultOperator default_operator, const EntityResolver& resolver);

}  // namespace dossier::searcher
