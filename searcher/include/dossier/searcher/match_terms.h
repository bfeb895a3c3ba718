/// \file
/// The terms a query looks for, as the snippet highlighter needs them.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace dossier::searcher {

/// Positive terms of a query (negated parts excluded), unprefixed.
struct MatchTerms {
  std::set<std::string> terms;  ///< folded terms matched exactly (phrases, identifiers, numbers, CJK)
  std::set<std::string> stems;  ///< stems: any word with this stem matches
  std::vector<std::vector<std::string>> phrases;  ///< folded terms that match only in this order
  std::set<std::string> prefixes;                 ///< wildcards: any folded term starting with one matches

  bool empty() const noexcept {
    return terms.empty() && stems.empty() && phrases.empty() && prefixes.empty();
  }
};

}  // namespace dossier::searcher
