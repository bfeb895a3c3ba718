#include "proximity_boost.h"

namespace dossier::searcher {

Xapian::Query proximity_boost(const std::vector<PlacedTerm>& words, double weight) {
  std::vector<Xapian::Query> pairs;
  std::size_t count = 0;
  for (std::size_t i = 1; i < words.size() && count < kMaxProximityPairs; ++i) {
    const PlacedTerm& left = words[i - 1];
    const PlacedTerm& right = words[i];
    // The same word twice ("bear bear") is no pair: Xapian would match it on one occurrence.
    if (left.term == right.term || right.place - left.place > kNearWindow) continue;
    const Xapian::Query terms[] = {Xapian::Query(left.term), Xapian::Query(right.term)};
    const auto gap = static_cast<Xapian::termcount>(right.place - left.place);
    pairs.emplace_back(Xapian::Query::OP_PHRASE, std::begin(terms), std::end(terms), gap + 1);
    pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(terms), std::end(terms), kNearWindow);
    ++count;
  }
  if (pairs.empty() || weight <= 0.0) return {};
  // The pairs share the weight: a long query's ranking stays mostly that of its words.
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()),
                       weight / static_cast<double>(count));
}

}  // namespace dossier::searcher
