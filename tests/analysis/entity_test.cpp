#include "dossier/analysis/entity.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using dossier::analysis::ActorKind;

TEST_CASE("every actor kind has a distinct name that parses back to it", "[entity]") {
  const auto kinds = dossier::analysis::actor_kinds();
  REQUIRE_FALSE(kinds.empty());
  CHECK(kinds.front() == ActorKind::ThreatGroup);
  std::set<std::string> names;
  for (const ActorKind kind : kinds) {
    const std::string_view name = dossier::analysis::actor_kind_name(kind);
    names.emplace(name);
    CHECK(dossier::analysis::parse_actor_kind(name) == kind);
  }
  CHECK(names.size() == kinds.size());
  CHECK(names.contains("intelligence-agency"));
  CHECK_FALSE(dossier::analysis::parse_actor_kind("threat-groups").has_value());
}
