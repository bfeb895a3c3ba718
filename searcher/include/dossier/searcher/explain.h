/// \file
/// Why a document matched: the query terms it contains and what each weighs in it.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

namespace dossier::searcher {

/// One term of the query that a hit contains, and its weight in that hit.
struct TermWeight {
  std::string term;     ///< as indexed, with its prefix ("Zespionag", "XAapt28")
  double weight = 0.0;  ///< the term's BM25 weight in the document on its own (0 for filter terms)
};

/// The terms a wildcard `pattern` (prefixed: "espion", "Styph") expands to, as the search's
/// `OP_WILDCARD` with `WILDCARD_LIMIT_MOST_FREQUENT` does: the `limit` most frequent indexed terms
/// starting with it.
std::set<std::string> wildcard_expansion(const Xapian::Database& database, const std::string& pattern,
                                         Xapian::termcount limit);

/// The terms of `enquire`'s query that document `id` contains (`Enquire::get_matching_terms`),
/// and the terms of `expanded` (a query's wildcard expansions) it contains, each with its BM25
/// weight in that document when searched alone (`self` is the document's unique id term),
/// heaviest first. Only meant for a page of hits: each term costs one small search.
std::vector<TermWeight> explain_match(const Xapian::Database& database, const Xapian::Enquire& enquire,
                                      Xapian::docid id, const std::string& self,
                                      const std::set<std::string>& expanded = {});

}  // namespace dossier::searcher
