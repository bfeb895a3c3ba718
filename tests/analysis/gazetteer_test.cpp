#include "dossier/analysis/gazetteer.h"

#include <algorithm>
#include <catch2/catch.hpp>

using dossier::analysis::ActorKind;
using dossier::analysis::Gazetteer;
using dossier::analysis::GazetteerError;
using dossier::analysis::GazetteerFile;
using dossier::analysis::GazetteerSources;

namespace {

GazetteerSources sources() {
  return {{"countries",
           "code\tname\taliases\tdemonyms\tcapitals\nNO\tNorway\tKingdom of Norway\tNorwegian\tOslo\n"
           "CN\tChina\tPRC|People's Republic of China\tChinese\tBeijing\n"},
          {"actors",
           "id\tname\tkind\tcountry\taliases\tsource\n"
           "apt40\tAPT40\tthreat-group\tCN\tLeviathan|Gingham Typhoon\tmisp\n"
           "mss-cn\tMinistry of State Security\tintelligence-agency\tCN\tMSS\tcurated\n"},
          {"weak", "alias\treason\nPlay\tcommon word\n"},
          {},
          {}};
}

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("rows become countries and actors with their aliases", "[gazetteer]") {
  const Gazetteer g = Gazetteer::build(sources(), {});
  REQUIRE(g.country("NO") != nullptr);
  CHECK(g.country("NO")->demonyms == std::vector<std::string>{"Norwegian"});
  CHECK(g.country("CN")->capitals == std::vector<std::string>{"Beijing"});
  REQUIRE(g.actor("apt40") != nullptr);
  CHECK(g.actor("apt40")->kind == ActorKind::ThreatGroup);
  CHECK(g.actor("apt40")->aliases == std::vector<std::string>{"Leviathan", "Gingham Typhoon"});
  CHECK(g.actor("nope") == nullptr);
  CHECK(g.is_weak("play"));
  CHECK(g.is_weak("PLAY"));
  CHECK_FALSE(g.is_weak("Leviathan"));
}

TEST_CASE("country names in other languages come from CLDR", "[gazetteer]") {
  const Gazetteer g = Gazetteer::build(sources(), {"nb", "fr", "zh"});
  CHECK(has(g.country("NO")->aliases, "Norge"));
  CHECK(has(g.country("CN")->aliases, "Chine"));
  CHECK(has(g.country("NO")->aliases, "挪威"));
}

TEST_CASE("a user watchlist adds actors and aliases to known ones", "[gazetteer]") {
  GazetteerSources s = sources();
  s.user_actors.push_back({"mine.tsv",
                           "id\tname\tkind\tcountry\taliases\n"
                           "acme-apt\tAcme Panda\tthreat-group\tCN\tAcme Group\n"
                           "apt40\t\t\t\tTA423\n"});
  const Gazetteer g = Gazetteer::build(s, {});
  REQUIRE(g.actor("acme-apt") != nullptr);
  CHECK(g.actor("acme-apt")->name == "Acme Panda");
  CHECK(has(g.actor("apt40")->aliases, "TA423"));
  CHECK(g.actor("apt40")->name == "APT40");
}

TEST_CASE("malformed rows are refused with the file and line", "[gazetteer]") {
  const auto error_of = [](const std::string& actors) {
    GazetteerSources s = sources();
    s.user_actors.push_back({"mine.tsv", "header\n" + actors});
    try {
      Gazetteer::build(s, {});
    } catch (const GazetteerError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  CHECK(error_of("x\ty\n") == "mine.tsv:2: expected 5 tab-separated columns, found 2");
  CHECK(error_of("Bad Id\tX\tcompany\t\t\n") == "mine.tsv:2: bad id 'Bad Id' (use a-z, 0-9 and -)");
  CHECK(error_of("x\tX\tspaceship\t\t\n") == "mine.tsv:2: unknown kind 'spaceship'");
  CHECK(error_of("x\tX\tcompany\tNOR\t\n") == "mine.tsv:2: bad country code 'NOR'");
  CHECK(error_of("x\tX\tcompany\t\t\nx\tX\tcompany\t\t\n") == "mine.tsv:3: duplicate id 'x'");
  CHECK(error_of("new-one\t\tcompany\t\t\n") == "mine.tsv:2: a new actor needs a name and a kind");
  CHECK(error_of("ok\tOK\tcompany\t\t\n") == "(no error)");
}

TEST_CASE("the digest changes with the data", "[gazetteer]") {
  GazetteerSources s = sources();
  const std::string before = Gazetteer::build(s, {}).digest();
  CHECK(Gazetteer::build(s, {}).digest() == before);
  s.user_actors.push_back({"mine.tsv", "h\nx\tX\tcompany\t\t\n"});
  CHECK(Gazetteer::build(s, {}).digest() != before);
}

TEST_CASE("a name several groups share as one brand is a threat group of its own", "[gazetteer]") {
  const Gazetteer g = Gazetteer::builtin();
  const auto* umbrella = g.actor("grizzly-steppe");
  REQUIRE(umbrella != nullptr);
  CHECK(umbrella->kind == ActorKind::ThreatGroup);
  CHECK(umbrella->country == "RU");
  CHECK_FALSE(has(g.actor("apt28")->aliases, "Grizzly Steppe"));
}
