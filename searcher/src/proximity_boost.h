// Private to the query builder: extra weight for documents where juxtaposed query words stand
// together, so "US military" ranks the reports that say "US military" above those that say "US"
// and "military" paragraphs apart.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace dossier::searcher {

/// A query word that can take part in a proximity boost: its exact (positional, unprefixed) term
/// and its place among the juxtaposed words as typed (function words left out of the ranking
/// still count, so "effect of espionage" pairs "effect" and "espionage" two places apart).
struct PlacedTerm {
  std::string term;
  std::size_t place = 0;
};

/// Juxtaposed words this far apart in a document still count as near.
inline constexpr Xapian::termcount kNearWindow = 10;

/// At most this many pairs of neighbouring words get a boost: the cost of checking positions grows
/// with each, and a long natural-language query gains little from its later pairs.
inline constexpr std::size_t kMaxProximityPairs = 8;

/// Weight of the boost, shared among the pairs, when every word must match: a document with the
/// pair as a phrase gains half the pair's words' weight again, one with them near a quarter.
/// (Not measured by `scripts/eval-ranking`, which runs `--any`: chosen so that the phrase outranks
/// twice the mentions far apart, the case of the new-user issue.)
inline constexpr double kProximityWeight = 0.25;

/// The same with `--any` (long natural-language queries): measured with `scripts/eval-ranking`,
/// a larger one costs MAP on CISI, whose long queries pair common words.
inline constexpr double kRankedProximityWeight = 0.1;

/// The boost for `words` (in place order): for each pair of neighbours at most `kNearWindow`
/// places apart (at most `kMaxProximityPairs` pairs), `OP_PHRASE` (in order, with the typed gap)
/// and `OP_NEAR` (either order, within `kNearWindow`) of their exact terms, ORed and scaled by
/// `weight` divided by the number of pairs; meant as the right side of `OP_AND_MAYBE`, so it
/// changes ranks, never matches. Empty for fewer than two words or a weight of 0.
Xapian::Query proximity_boost(const std::vector<PlacedTerm>& words, double weight);

}  // namespace dossier::searcher
