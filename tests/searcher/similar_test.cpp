#include "dossier/searcher/similar.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "xapian_document.h"

using dossier::searcher::similar_query;
using dossier::testing::document_of;

TEST_CASE("a similar query keeps words and IP addresses, drops numbers, prefixes and the document itself",
          "[similar]") {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid seed =
      database.add_document(document_of({"botnet", "203.0.113.77", "2024", "3.5", "Zbotnet", "x"}, "Qseed"));
  database.add_document(document_of({"botnet", "203.0.113.77"}, "Qother"));
  database.add_document(document_of({"weather"}, "Qunrelated"));
  const std::string description = similar_query(database, seed, "Qseed").get_description();
  CHECK(description.find("botnet") != std::string::npos);
  CHECK(description.find("203.0.113.77") != std::string::npos);
  CHECK(description.find("2024") == std::string::npos);
  CHECK(description.find("3.5") == std::string::npos);
  CHECK(description.find("Zbotnet") == std::string::npos);
  CHECK(description.find(" x") == std::string::npos);
  CHECK(description.find("AND_NOT Qseed") != std::string::npos);

  Xapian::Enquire enquire(database);
  enquire.set_query(similar_query(database, seed, "Qseed"));
  const Xapian::MSet hits = enquire.get_mset(0, 10);
  REQUIRE(hits.size() == 1);
  CHECK(*hits.begin() != seed);
}

TEST_CASE("the terms of a similar query are listed, best first, for --explain", "[similar]") {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid seed =
      database.add_document(document_of({"botnet", "botnet", "norway", "2024"}, "Qseed"));
  database.add_document(document_of({"botnet"}, "Qother"));
  database.add_document(document_of({"weather"}, "Qunrelated"));
  const auto terms = dossier::searcher::similar_terms(database, seed);
  CHECK(std::set<std::string>(terms.begin(), terms.end()) == std::set<std::string>{"botnet", "norway"});
  CHECK(similar_query(terms, "Qseed").get_description() ==
        similar_query(database, seed, "Qseed").get_description());
}
