// Where a query's terms occur in a document's text, for snippets: analysed with the same analyzer
// as the index, but only as far as a snippet needs, so a 500-page report costs no more than its
// first pages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/analyzer.h"
#include "dossier/searcher/match_terms.h"

namespace dossier::searcher {

/// One occurrence of a query term (or phrase) in the text, in bytes.
struct SnippetMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string key;  ///< what matched, to count distinct terms
};

/// The matches of `terms` in `text`, in order, overlapping ones reduced to the longest. Texts up
/// to `budget_bytes` are read whole, in pieces of about `piece_bytes`. In a longer text the scan
/// stops after the first piece that ends past the budget with matches found; pieces past the
/// budget that cannot match (no term occurs in their folded text) are not analysed, so a long
/// document whose only match is near its end costs a folding pass, not a full analysis.
std::vector<SnippetMatch> find_snippet_matches(std::string_view text, const MatchTerms& terms,
                                               const analysis::Analyzer& analyzer, std::string_view language,
                                               std::size_t piece_bytes, std::size_t budget_bytes);

}  // namespace dossier::searcher
