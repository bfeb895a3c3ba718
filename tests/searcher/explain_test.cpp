#include "dossier/searcher/explain.h"

#include <catch2/catch.hpp>

#include "xapian_document.h"

using dossier::searcher::explain_match;
using dossier::searcher::wildcard_expansion;
using dossier::testing::document_of;

TEST_CASE("a wildcard expands to its most frequent terms, as the search's wildcard does", "[explain]") {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  database.add_document(document_of({"espionage", "espionnage", "espresso"}, "Qa"));
  database.add_document(document_of({"espionage", "espionnage"}, "Qb"));
  database.add_document(document_of({"espionage", "espial"}, "Qc"));
  CHECK(wildcard_expansion(database, "espion", 100) == std::set<std::string>{"espionage", "espionnage"});
  CHECK(wildcard_expansion(database, "esp", 2) == std::set<std::string>{"espionage", "espionnage"});
  CHECK(wildcard_expansion(database, "zzz", 100).empty());
}

TEST_CASE("a hit found by a wildcard lists the expanded words it contains, with weights", "[explain]") {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const auto french = database.add_document(document_of({"l", "espionnage", "economique"}, "Qfr"));
  database.add_document(document_of({"espionage", "china"}, "Qen"));
  database.add_document(document_of({"weather"}, "Qother"));
  Xapian::Enquire enquire(database);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_WILDCARD, "espion", 100, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT));
  // Xapian alone lists nothing for a wildcard.
  CHECK(enquire.get_matching_terms_begin(french) == enquire.get_matching_terms_end(french));
  const auto terms =
      explain_match(database, enquire, french, "Qfr", wildcard_expansion(database, "espion", 100));
  REQUIRE(terms.size() == 1);
  CHECK(terms.front().term == "espionnage");
  CHECK(terms.front().weight > 0);
}
