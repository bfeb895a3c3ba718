// Filtering hits and the actor facet by actor kind, on an index built by the indexer.
#include "dossier/searcher/actor_kinds.h"

#include <catch2/catch.hpp>
#include <map>

#include "dossier/indexer/indexer.h"
#include "dossier/searcher/search_errors.h"
#include "dossier/searcher/searcher.h"
#include "temp_dir.h"

using dossier::analysis::ActorKind;
using dossier::searcher::parse_actor_kinds;
using dossier::searcher::Searcher;
using dossier::searcher::SearchRequest;
using dossier::testing::TempDir;

namespace {

// Twelve reports on China; the MSS (an agency) in four, APT40 (a group) in three, Fortinet (a
// vendor) in all.
std::filesystem::path indexed(const TempDir& reports, const TempDir& index) {
  for (int i = 0; i < 12; ++i) {
    std::string text = "Report " + std::to_string(i) + " on espionage by China through Fortinet devices.";
    if (i % 3 == 0) text += " The MSS recruited sources.";
    if (i % 4 == 0) text += " APT40, also known as Leviathan, attacked.";
    reports.write("r" + std::to_string(i) + ".txt", text);
  }
  dossier::indexer::IndexOptions options;
  options.database = index.path() / "db";
  options.roots = {reports.path()};
  dossier::indexer::run_index(options);
  return options.database;
}

}  // namespace

TEST_CASE("actor kind names parse in order, each once, and an unknown one names the kinds", "[actor_kinds]") {
  CHECK(parse_actor_kinds({"threat-group", "intelligence-agency", "threat-group"}) ==
        std::vector<ActorKind>{ActorKind::ThreatGroup, ActorKind::IntelligenceAgency});
  CHECK(parse_actor_kinds({}).empty());
  CHECK_THROWS_WITH(parse_actor_kinds({"threat-groups"}),
                    "unknown actor kind 'threat-groups' (the kinds are threat-group, intelligence-agency, "
                    "government, political-party, intergovernmental, company, security-vendor, ngo, media, "
                    "unknown)");
  CHECK_THROWS_AS(parse_actor_kinds({"vendor"}), dossier::searcher::UnknownEntityError);
}

TEST_CASE("an actor kind keeps the hits naming an actor of that kind and only those actors in the facet",
          "[actor_kinds]") {
  const TempDir reports, index;
  Searcher searcher(indexed(reports, index));
  SearchRequest request;
  request.query = "espionage";
  request.facet_limit = 0;
  CHECK(searcher.search(request).total == 12);
  request.actor_kinds = {ActorKind::ThreatGroup};
  const auto groups = searcher.search(request);
  CHECK(groups.total == 3);
  REQUIRE(groups.facets.actors.size() == 1);
  CHECK(groups.facets.actors.front().value == "apt40");
  // Several kinds are alternatives: a hit names an actor of any of them.
  request.actor_kinds = {ActorKind::ThreatGroup, ActorKind::IntelligenceAgency};
  const auto both = searcher.search(request);
  CHECK(both.total == 6);  // reports 0, 3, 4, 6, 8, 9
  for (const auto& actor : both.facets.actors)
    CHECK((actor.kind == ActorKind::ThreatGroup || actor.kind == ActorKind::IntelligenceAgency));
  CHECK(both.facets.actors.size() == 2);
  // A kind no indexed actor has matches nothing.
  request.actor_kinds = {ActorKind::Media};
  CHECK(searcher.search(request).total == 0);
}
