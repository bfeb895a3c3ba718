// `dossier search --actor-kind` through the real binary: hits and the actor facet keep the actors of
// the kinds asked for, and the text facet table groups actors by kind.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::index_into;
using dossier::testing::json_of;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// Vendors and platforms in every report; a threat group in one, an agency in another.
const std::string& kinds_db() {
  static const TempDir reports;
  static const TempDir index;
  static const std::string db = [] {
    reports.write("group.txt",
                  "Phishing wave\nAPT28 sent phishing mail through Microsoft 365; Fortinet saw it.");
    reports.write(
        "agency.txt",
        "Recruitment\nChina's MSS recruited an engineer on LinkedIn; Microsoft and Fortinet helped.");
    reports.write("vendors.txt", "Patch notes\nMicrosoft and Fortinet shipped fixes.");
    return index_into(reports.path(), index);
  }();
  return db;
}

nlohmann::json search(std::vector<std::string> args) {
  args.insert(args.begin(), "search");
  for (const char* extra : {"--db", kinds_db().c_str(), "--json", "--facet-limit", "0"})
    args.emplace_back(extra);
  return json_of(run_dossier(args));
}

std::set<std::string> files(const nlohmann::json& json) {
  std::set<std::string> names;
  for (const auto& hit : json["hits"])
    names.insert(std::filesystem::path(hit["path"].get<std::string>()).filename());
  return names;
}

std::set<std::string> facet_kinds(const nlohmann::json& json) {
  std::set<std::string> kinds;
  for (const auto& actor : json["facets"]["actor"])
    kinds.insert(actor["kind"].get<std::string>());
  return kinds;
}

}  // namespace

TEST_CASE("an actor kind keeps the reports naming an actor of that kind, and only those actors in the facet",
          "[e2e][actor_kind]") {
  CHECK(facet_kinds(search({"Fortinet"})).contains("security-vendor"));
  const auto groups = search({"Fortinet", "--actor-kind", "threat-group"});
  CHECK(files(groups) == std::set<std::string>{"group.txt"});
  CHECK(facet_kinds(groups) == std::set<std::string>{"threat-group"});
  // Several kinds are alternatives; with no words, every report that names one is listed.
  const auto either = search({"--actor-kind", "threat-group", "--actor-kind", "intelligence-agency"});
  CHECK(files(either) == std::set<std::string>{"group.txt", "agency.txt"});
  CHECK(facet_kinds(either) == std::set<std::string>{"threat-group", "intelligence-agency"});
}

TEST_CASE("an unknown --actor-kind exits 2 naming the kinds", "[e2e][actor_kind]") {
  const auto result = run_dossier({"search", "Fortinet", "--actor-kind", "vendor", "--db", kinds_db()});
  CHECK(result.exit_code == 2);
  CHECK(result.err.starts_with("error: unknown actor kind 'vendor' (the kinds are threat-group, "));
  CHECK(result.err.find("security-vendor") != std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("the text facet table groups actors under their kind, threat groups first", "[e2e][actor_kind]") {
  const auto text = run_dossier({"search", "Fortinet", "--facets", "--db", kinds_db()}).out;
  const std::size_t group = text.find("\n  threat-group:\n");
  const std::size_t agency = text.find("\n  intelligence-agency:\n");
  const std::size_t vendor = text.find("\n  security-vendor:\n");
  REQUIRE(group != std::string::npos);
  REQUIRE(agency != std::string::npos);
  REQUIRE(vendor != std::string::npos);
  CHECK(group < agency);
  CHECK(agency < vendor);
  CHECK(text.find("APT28", group) < agency);
}
