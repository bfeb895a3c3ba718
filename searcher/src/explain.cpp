#include "dossier/searcher/explain.h"

#include <algorithm>
#include <utility>

namespace dossier::searcher {

std::set<std::string> wildcard_expansion(const Xapian::Database& database, const std::string& pattern,
                                         Xapian::termcount limit) {
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (auto it = database.allterms_begin(pattern); it != database.allterms_end(pattern); ++it)
    found.emplace_back(it.get_termfreq(), *it);
  // Most frequent first; among equals, term order, as the walk found them.
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  if (found.size() > limit) found.resize(limit);
  std::set<std::string> terms;
  for (auto& [frequency, term] : found)
    terms.insert(std::move(term));
  return terms;
}

std::vector<TermWeight> explain_match(const Xapian::Database& database, const Xapian::Enquire& enquire,
                                      Xapian::docid id, const std::string& self,
                                      const std::set<std::string>& expanded) {
  // Xapian lists a query's own terms; a wildcard's expansions it does not, so they are looked up
  // in the document's term list (both are sorted: one forward walk).
  std::vector<std::string> matched(enquire.get_matching_terms_begin(id), enquire.get_matching_terms_end(id));
  if (!expanded.empty()) {
    auto it = database.termlist_begin(id);
    for (const std::string& term : expanded) {
      it.skip_to(term);
      if (it == database.termlist_end(id)) break;
      if (*it == term && std::find(matched.begin(), matched.end(), term) == matched.end())
        matched.push_back(term);
    }
  }
  std::vector<TermWeight> weights;
  Xapian::Enquire single(database);
  single.set_weighting_scheme(Xapian::BM25Weight());
  for (const std::string& term : matched) {
    single.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), Xapian::Query(self)));
    const Xapian::MSet mset = single.get_mset(0, 1);
    weights.push_back({term, mset.empty() ? 0.0 : mset.begin().get_weight()});
  }
  std::stable_sort(weights.begin(), weights.end(),
                   [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
  return weights;
}

}  // namespace dossier::searcher
