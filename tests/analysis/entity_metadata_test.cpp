#include "dossier/analysis/entity_metadata.h"

#include <catch2/catch.hpp>
#include <map>

#include "dossier/analysis/schema.h"

using dossier::analysis::Actor;
using dossier::analysis::actor_metadata;
using dossier::analysis::ActorKind;
namespace schema = dossier::analysis::schema;

namespace {

std::map<std::string, std::string> as_map(const std::vector<dossier::analysis::MetadataEntry>& entries) {
  return {entries.begin(), entries.end()};
}

}  // namespace

TEST_CASE("an actor's entries point each folded name at it and list those names under its id", "[metadata]") {
  const Actor actor{
      "apt28", "APT28", ActorKind::ThreatGroup, "RU", {"Fancy Bear", "STRONTIUM", "fancy  bear"}};
  const auto entries = as_map(actor_metadata(actor));
  CHECK(entries.at("dossier.actor.apt28") == "APT28\tthreat-group\tRU");
  CHECK(entries.at("dossier.alias.actor.fancy bear") == "apt28");
  CHECK(entries.at("dossier.alias.actor.strontium") == "apt28");
  // The reverse list: sorted, each key once (the id and the name fold to the same key).
  CHECK(entries.at(std::string(schema::kActorNamesKeyPrefix) + "apt28") == "apt28|fancy bear|strontium");
}
