#include "dossier/searcher/entity_directory.h"

#include <catch2/catch.hpp>

#include "dossier/analysis/schema.h"
#include "dossier/searcher/search_errors.h"
#include "temp_dir.h"

using dossier::searcher::EntityDirectory;
namespace schema = dossier::analysis::schema;

namespace {

// An index holding only the alias entries of two actors (on disk: the in-memory backend cannot
// list metadata keys).
Xapian::WritableDatabase alias_index(const dossier::testing::TempDir& dir) {
  Xapian::WritableDatabase database((dir.path() / "db").string(), Xapian::DB_CREATE);
  const std::string prefix(schema::kActorAliasKeyPrefix);
  database.set_metadata(prefix + "apt28", "apt28");
  database.set_metadata(prefix + "fancy bear", "apt28");
  database.set_metadata(prefix + "sofacy", "apt28|apt28-cluster");
  database.set_metadata(prefix + "apt29", "apt29");
  return database;
}

}  // namespace

TEST_CASE("an actor's other names come from its own list of names", "[entity_directory]") {
  const dossier::testing::TempDir dir;
  Xapian::WritableDatabase database = alias_index(dir);
  // The list wins over the alias keys: only what it holds is returned.
  database.set_metadata(std::string(schema::kActorNamesKeyPrefix) + "apt28", "apt28|fancy bear");
  const EntityDirectory directory({database});
  CHECK(directory.actor_aliases("apt28") == std::vector<std::string>{"apt28", "fancy bear"});
}

TEST_CASE("an index without lists of names still gives every alias key pointing at the actor",
          "[entity_directory]") {
  const dossier::testing::TempDir dir;
  const EntityDirectory directory({alias_index(dir)});
  CHECK(directory.actor_aliases("apt28") == std::vector<std::string>{"apt28", "fancy bear", "sofacy"});
  CHECK(directory.actor_aliases("apt29") == std::vector<std::string>{"apt29"});
  CHECK(directory.actor_aliases("nobody").empty());
}

namespace {

// Countries as the indexer stores them: a name per code and folded alias keys.
Xapian::WritableDatabase country_index(const dossier::testing::TempDir& dir) {
  Xapian::WritableDatabase database((dir.path() / "countries").string(), Xapian::DB_CREATE);
  const std::string name(schema::kCountryKeyPrefix);
  const std::string alias(schema::kCountryAliasKeyPrefix);
  for (const auto& [code, country] :
       {std::pair{"NO", "Norway"}, {"KR", "South Korea"}, {"KP", "North Korea"}, {"CN", "China"}})
    database.set_metadata(name + code, country);
  for (const auto& [key, code] : {std::pair{"norway", "NO"},
                                  {"noreg", "NO"},
                                  {"norja", "NO"},
                                  {"norra", "NO"},
                                  {"south korea", "KR"},
                                  {"north korea", "KP"},
                                  {"china", "CN"}})
    database.set_metadata(alias + key, code);
  return database;
}

}  // namespace

TEST_CASE("ISO alpha-3 codes resolve to their country", "[entity_directory]") {
  const dossier::testing::TempDir dir;
  const EntityDirectory directory({country_index(dir)});
  CHECK(directory.resolve_country("NOR") == std::vector<std::string>{"NO"});
  CHECK(directory.resolve_country("chn") == std::vector<std::string>{"CN"});
  CHECK(directory.resolve_country("Norway") == std::vector<std::string>{"NO"});
}

TEST_CASE("an unknown country suggests the names that hold its words before near spellings",
          "[entity_directory]") {
  const dossier::testing::TempDir dir;
  const EntityDirectory directory({country_index(dir)});
  try {
    directory.resolve_country("Korea");
    FAIL("Korea names two countries: no single code");
  } catch (const dossier::searcher::UnknownEntityError& e) {
    CHECK(std::string(e.what()) == "unknown country 'Korea' (did you mean: north korea, south korea?)");
  }
}
