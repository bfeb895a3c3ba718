/// \file
/// "More like this": a query made from the most telling terms of one indexed document.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace dossier::searcher {

/// Terms taken from the document by `similar_query` unless told otherwise.
inline constexpr std::size_t kSimilarTerms = 40;

/// Relevance feedback from document `id` of `database`: its `terms` best expand terms
/// (`Xapian::Enquire::get_eset` with the document as the relevance set), limited to folded words
/// and identifiers (unprefixed terms; numbers such as "2024" or "3.5" and one-byte terms left out,
/// IPv4 addresses kept), ORed, and the
/// document itself excluded by its id term `self`. An empty query when the document has no such
/// terms.
Xapian::Query similar_query(const Xapian::Database& database, Xapian::docid id, const std::string& self,
                            std::size_t terms = kSimilarTerms);

/// The terms `similar_query` ORs, best first (for `--explain`).
std::vector<std::string> similar_terms(const Xapian::Database& database, Xapian::docid id,
                                       std::size_t terms = kSimilarTerms);

/// `similar_query` from terms already chosen by `similar_terms`.
Xapian::Query similar_query(const std::vector<std::string>& terms, const std::string& self);

}  // namespace dossier::searcher
