#include "dossier/searcher/entity_directory.h"

#include <catch2/catch.hpp>

#include "dossier/analysis/schema.h"
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
