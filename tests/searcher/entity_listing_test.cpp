#include "dossier/searcher/entity_listing.h"

#include <catch2/catch.hpp>

#include "dossier/indexer/indexer.h"
#include "dossier/searcher/searcher.h"
#include "temp_dir.h"

using dossier::searcher::EntityListRequest;
using dossier::searcher::EntityType;
using dossier::searcher::FacetValue;
using dossier::searcher::Searcher;
using dossier::testing::TempDir;

namespace {

// Three reports naming Norway, one China and the MSS, one Fancy Bear.
class Reports {
 public:
  Reports() {
    folder_.write("a.txt", "Norway\nThe Norwegian police warned about Chinese espionage by the MSS.");
    folder_.write("b.txt", "Oslo\nNorway reported phishing by Fancy Bear against the Storting.");
    folder_.write("c.txt", "Norge\nNorway and the Netherlands met.");
    dossier::indexer::IndexOptions options;
    options.database = index_.path() / "db";
    options.roots = {folder_.path()};
    dossier::indexer::run_index(options);
    database_ = options.database;
  }

  std::vector<FacetValue> list(EntityListRequest request) const {
    Searcher searcher(database_);
    return searcher.entities(request);
  }

 private:
  TempDir folder_, index_;
  std::filesystem::path database_;
};

std::string summary(const std::vector<FacetValue>& values) {
  std::string text;
  for (const auto& value : values)
    text += value.value + ":" + std::to_string(value.count) + " ";
  return text;
}

EntityListRequest countries(std::string prefix) {
  EntityListRequest request;
  request.type = EntityType::Country;
  request.prefix = std::move(prefix);
  return request;
}

}  // namespace

TEST_CASE("countries are listed by any name's beginning, most-named first", "[entity_listing]") {
  const Reports reports;
  CHECK(summary(reports.list(countries("nor"))) == "NO:3 ");   // Norway, Norwegian, Norge
  CHECK(summary(reports.list(countries("NETH"))) == "NL:1 ");  // case folded
  CHECK(summary(reports.list(countries("chin"))) == "CN:1 ");
  // Countries no document names are of no use to a filter.
  CHECK(reports.list(countries("fra")).empty());
  const auto all = reports.list(countries(""));
  REQUIRE(all.size() == 3);
  CHECK(all[0].value == "NO");
  CHECK(all[0].name == "Norway");
}

TEST_CASE("actors are listed by alias and may be kept to one kind", "[entity_listing]") {
  const Reports reports;
  EntityListRequest request;
  request.prefix = "fancy";
  const auto found = reports.list(request);
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == "apt28");
  CHECK(found[0].kind == dossier::analysis::ActorKind::ThreatGroup);
  request.prefix = "";
  request.kind = dossier::analysis::ActorKind::IntelligenceAgency;
  const auto agencies = reports.list(request);
  REQUIRE_FALSE(agencies.empty());
  for (const auto& agency : agencies)
    CHECK(agency.kind == dossier::analysis::ActorKind::IntelligenceAgency);
  request.kind.reset();
  request.limit = 1;
  CHECK(reports.list(request).size() == 1);
}
