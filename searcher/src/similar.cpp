#include "dossier/searcher/similar.h"

#include <algorithm>
#include <string>
#include <vector>

namespace dossier::searcher {
namespace {

// Folded words and identifiers: prefixes are upper-case ASCII, folded terms never are.
class TextTerms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 2 || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    // Numbers ("2024", "3.5") say little about a report; IPv4 addresses (three dots) do.
    const bool numeric =
        std::all_of(term.begin(), term.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    return !numeric || std::count(term.begin(), term.end(), '.') > 1;
  }
};

}  // namespace

std::vector<std::string> similar_terms(const Xapian::Database& database, Xapian::docid id,
                                       std::size_t terms) {
  Xapian::RSet relevant;
  relevant.add_document(id);
  Xapian::Enquire enquire(database);
  const TextTerms decider;
  const Xapian::ESet expand = enquire.get_eset(static_cast<Xapian::termcount>(terms), relevant, &decider);
  return {expand.begin(), expand.end()};
}

Xapian::Query similar_query(const Xapian::Database& database, Xapian::docid id, const std::string& self,
                            std::size_t terms) {
  return similar_query(similar_terms(database, id, terms), self);
}

Xapian::Query similar_query(const std::vector<std::string>& terms, const std::string& self) {
  std::vector<Xapian::Query> best(terms.begin(), terms.end());
  if (best.empty()) return {};
  return Xapian::Query(Xapian::Query::OP_AND_NOT,
                       Xapian::Query(Xapian::Query::OP_OR, best.begin(), best.end()), Xapian::Query(self));
}

}  // namespace dossier::searcher
