#include "dossier/searcher/similar.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

using dossier::searcher::similar_query;

namespace {

Xapian::Document document(const std::vector<std::string>& terms, const std::string& id) {
  Xapian::Document doc;
  Xapian::termpos position = 0;
  for (const std::string& term : terms)
    doc.add_posting(term, ++position);
  doc.add_boolean_term(id);
  return doc;
}

}  // namespace

TEST_CASE("a similar query keeps words and IP addresses, drops numbers, prefixes and the document itself",
          "[similar]") {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid seed =
      database.add_document(document({"botnet", "203.0.113.77", "2024", "3.5", "Zbotnet", "x"}, "Qseed"));
  // Each other document shares one term with the seed: the query it gets is judged by which match.
  std::map<Xapian::docid, std::string> names;
  for (const std::string term : {"botnet", "203.0.113.77", "2024", "3.5", "Zbotnet", "x", "weather"})
    names[database.add_document(document({term}, "Q" + term))] = term;

  Xapian::Enquire enquire(database);
  enquire.set_query(similar_query(database, seed, "Qseed"));
  std::set<std::string> matched;
  const Xapian::MSet hits = enquire.get_mset(0, 20);
  for (auto it = hits.begin(); it != hits.end(); ++it) {
    CHECK(*it != seed);
    matched.insert(names.at(*it));
  }
  CHECK(matched == std::set<std::string>{"botnet", "203.0.113.77"});
}
