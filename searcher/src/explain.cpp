#include "dossier/searcher/explain.h"

#include <algorithm>

namespace dossier::searcher {

std::vector<TermWeight> explain_match(const Xapian::Database& database, const Xapian::Enquire& enquire,
                                      Xapian::docid id, const std::string& self) {
  std::vector<TermWeight> weights;
  Xapian::Enquire single(database);
  single.set_weighting_scheme(Xapian::BM25Weight());
  for (auto it = enquire.get_matching_terms_begin(id); it != enquire.get_matching_terms_end(id); ++it) {
    single.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(*it), Xapian::Query(self)));
    const Xapian::MSet mset = single.get_mset(0, 1);
    weights.push_back({*it, mset.empty() ? 0.0 : mset.begin().get_weight()});
  }
  std::stable_sort(weights.begin(), weights.end(),
                   [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
  return weights;
}

}  // namespace dossier::searcher
