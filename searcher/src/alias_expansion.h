// Private to the query builder: query words that name an actor also find the documents tagged with
// it, weighed so that the actor counts once per document, whatever names the document uses.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "dossier/searcher/query_builder.h"

namespace dossier::searcher {

/// BM25's inverse document frequency as `Xapian::BM25Weight` (1.4) computes it without a
/// relevance set: log((N - n + 0.5) / (n + 0.5)), raised to log(x / 2 + 1) for x below 2 so that a
/// term in most documents keeps a small positive weight.
double bm25_idf(Xapian::doccount documents, Xapian::doccount frequency);

/// An actor's other names weigh this much of the words typed (with the same mentions): a report
/// that uses the name typed ranks above one that uses another name as often, and one that uses
/// another name three times or more above one that uses the typed name once (BM25 saturates).
inline constexpr double kOtherNameWeight = 0.75;

/// Expands the words of a query that name actors.
class AliasExpansion {
 public:
  explicit AliasExpansion(const QueryContext& context) : context_(context) {}

  /// `typed` (the query for `text` as written), or, for each actor `text` names
  /// (`EntityResolver::find_actors`), the documents tagged with it (`XA` + id) in which the
  /// actor's other names weigh. Joined with `OP_MAX`, and each other name scaled to
  /// `kOtherNameWeight` of the idf of the typed words (of the actor, when a typed word is in no
  /// document): a document weighs what its best-weighted name weighs, so a line listing five
  /// aliases counts as one mention, not five, and a rare alias weighs no more than the word typed.
  /// Appends the ids to `actors`. `typed` itself when nothing is expanded.
  Xapian::Query expand(const std::string& text, Xapian::Query typed, std::vector<std::string>& actors) const;

 private:
  double reference_idf(const std::string& id, const std::string& typed) const;
  Xapian::Query other_names(const std::string& id, const std::string& typed) const;
  Xapian::Query name_query(const std::string& alias, double reference) const;

  const QueryContext& context_;
};

}  // namespace dossier::searcher
