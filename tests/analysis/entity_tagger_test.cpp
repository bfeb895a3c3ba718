#include "dossier/analysis/entity_tagger.h"

#include <catch2/catch.hpp>
#include <string>

using dossier::analysis::Analyzer;
using dossier::analysis::DocumentEntities;
using dossier::analysis::EntityTagger;
using dossier::analysis::Gazetteer;
using dossier::analysis::GazetteerSources;
using dossier::analysis::TaggerOptions;

namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer g = Gazetteer::build(
      GazetteerSources{{"countries",
                        "code\tname\taliases\tdemonyms\tcapitals\n"
                        "CN\tChina\tPRC|People's Republic of China\tChinese\tBeijing\n"
                        "NO\tNorway\t\tNorwegian\tOslo\n"
                        "GE\tGeorgia\t\tGeorgian\tTbilisi\n"
                        "JO\tJordan\t\tJordanian\tAmman\n"
                        "US\tUnited States\tU.S.|USA\tAmerican\tWashington\n"
                        "NL\tNetherlands\t\tDutch\tAmsterdam\n"
                        "BQ\tCaribbean Netherlands\t\tDutch\t\n"},
                       {"actors",
                        "id\tname\tkind\tcountry\taliases\n"
                        "apt40\tAPT40\tthreat-group\tCN\tLeviathan|Gingham Typhoon\n"
                        "mss-cn\tMinistry of State Security\tintelligence-agency\tCN\tMSS|国家安全部\n"
                        "play\tPlay\tthreat-group\t\t\n"
                        "cobalt-group\tCobalt Group\tthreat-group\t\tCobalt\n"
                        "fbi\tFederal Bureau of Investigation\tintelligence-agency\tUS\tFBI\n"},
                       {"weak",
                        "alias\treason\nPlay\tcommon-word: 'play' is an English "
                        "word\nCobalt\tproduct-or-technical: Cobalt Strike\n"
                        "Georgia\tplace-name: the US state\nJordan\tperson-name: a given name\n"},
                       {},
                       {}},
      {"nb"});
  return g;
}

const Analyzer& analyzer() {
  static const Analyzer a;
  return a;
}

DocumentEntities tag(std::string_view text, TaggerOptions options = {}) {
  const EntityTagger tagger(gazetteer(), analyzer(), options);
  return tagger.tag(text);
}

// "id:mentions" for each entity, in the tagger's order.
std::string countries(std::string_view text, TaggerOptions options = {}) {
  std::string out;
  for (const auto& c : tag(text, options).countries)
    out += (out.empty() ? "" : " ") + c.id + ":" + std::to_string(c.mentions);
  return out;
}

std::string actors(std::string_view text) {
  std::string out;
  for (const auto& a : tag(text).actors)
    out += (out.empty() ? "" : " ") + a.id + ":" + std::to_string(a.mentions);
  return out;
}

}  // namespace

TEST_CASE("aliases resolve to one entity and mentions are counted per document", "[tagger]") {
  CHECK(actors("APT40, also known as Leviathan or Gingham Typhoon, hit APT40's targets.") == "apt40:4");
  const auto entities = tag("APT40, also known as Leviathan.");
  REQUIRE(entities.actors.size() == 1);
  CHECK(entities.actors[0].surfaces == std::set<std::string>{"APT40", "Leviathan"});
}

TEST_CASE("names, demonyms, abbreviations and other languages all count for the country", "[tagger]") {
  CHECK(countries("China and the PRC; Chinese hackers; the People\u2019s Republic of China.") == "CN:4");
  CHECK(countries("Norge og Norwegian") == "NO:2");
  CHECK(countries("The U.S. and the USA.") == "US:2");
}

TEST_CASE("possessives and compounds count", "[tagger]") {
  CHECK(countries("China's aims, China-based hackers and Beijing-sanctioned groups") == "CN:3");
}

TEST_CASE("short acronyms match only in their own case", "[tagger]") {
  CHECK(actors("The MSS and the FBI.") == "fbi:1 mss-cn:1");
  CHECK(actors("the mss and the fbi") == "");
}

TEST_CASE("proper names need their capitals", "[tagger]") {
  CHECK(countries("fine china and a jordan almond") == "");
}

TEST_CASE("a common-word alias needs a context word or another mention", "[tagger]") {
  CHECK(actors("Press play to start.") == "");
  CHECK(actors("Play is back.") == "");
  CHECK(actors("The Play ransomware gang struck.") == "play:1");
  CHECK(actors("Cobalt Strike beacons used by the group") == "");
  CHECK(actors("The Cobalt group and Cobalt Group again") == "cobalt-group:2");
}

TEST_CASE("a weak acronym counts when the document names its actor's country", "[tagger]") {
  static const Gazetteer g = Gazetteer::build(
      GazetteerSources{{"c", "code\tname\taliases\tdemonyms\tcapitals\nCN\tChina\t\tChinese\t\n"},
                       {"a",
                        "id\tname\tkind\tcountry\taliases\nmss-cn\tMinistry of State "
                        "Security\tintelligence-agency\tCN\tMSS\n"},
                       {"w", "alias\treason\nMSS\tTCP maximum segment size\n"},
                       {},
                       {}},
      {});
  const EntityTagger tagger(g, analyzer());
  CHECK(tagger.tag("Set the TCP MSS to 1400 bytes.").actors.empty());
  CHECK(tagger.tag("Officers of the MSS recruited sources in China.").actors.size() == 1);
}

TEST_CASE("ambiguous country names are decided by context", "[tagger]") {
  CHECK(countries("She moved to Georgia last year.") == "");
  CHECK(countries("The government of Georgia protested.") == "GE:1");
  CHECK(countries("Georgia said talks in Tbilisi went well.") == "GE:2");
  CHECK(countries("Michael Jordan played for the Bulls, in the army.") == "");
}

TEST_CASE("a name shared by two countries counts only for one named elsewhere", "[tagger]") {
  CHECK(countries("Dutch military hackers") == "");
  CHECK(countries("Dutch officials in the Netherlands") == "NL:2");
}

TEST_CASE("capitals count for their state unless turned off", "[tagger]") {
  CHECK(countries("Beijing and Oslo disagreed.") == "CN:1 NO:1");
  CHECK(countries("Beijing and Oslo disagreed.", TaggerOptions{false}) == "");
}

TEST_CASE("Chinese text is tagged", "[tagger]") {
  CHECK(actors("中华人民共和国国家安全部在欧洲") == "mss-cn:1");
}

TEST_CASE("an acronym defined in the report resolves its later mentions", "[tagger]") {
  CHECK(actors("The Federal Bureau of Investigation (FBI) said so. Later the FBI added more.") == "fbi:3");
  const auto entities = tag("The Cyber Defence Directorate (CDD) warned. The CDD then published IOCs.");
  REQUIRE(entities.actors.size() == 1);
  CHECK(entities.actors[0].id == "unknown-cyber-defence-directorate");
  CHECK(entities.actors[0].mentions == 3);
  REQUIRE(entities.defined_actors.size() == 1);
  CHECK(entities.defined_actors[0].name == "Cyber Defence Directorate");
  CHECK(entities.defined_actors[0].aliases == std::vector<std::string>{"CDD"});
}

TEST_CASE("an acronym of a technology is not an actor", "[tagger]") {
  CHECK(actors("The Domain Name System (DNS) and a Remote Access Trojan (RAT).") == "");
}

TEST_CASE("tagging a long text streams with bounded state and finds everything", "[tagger]") {
  std::string text;
  for (int i = 0; i < 5000; ++i)
    text += "Filler words about nothing. ";
  text += "Then APT40 appeared. ";
  for (int i = 0; i < 5000; ++i)
    text += "More filler, China! ";
  CHECK(actors(text) == "apt40:1");
  CHECK(countries(text) == "CN:5000");
}

TEST_CASE("surfaces are quoted with white space collapsed", "[tagger]") {
  const auto entities = tag("the Ministry of\n  State Security");
  REQUIRE(entities.actors.size() == 1);
  CHECK(entities.actors[0].surfaces == std::set<std::string>{"Ministry of State Security"});
}

TEST_CASE("a demonym naming a language is not a country", "[tagger]") {
  CHECK(countries("a Russian-speaking forum and Chinese-language posts") == "");
  CHECK(countries("a Russian forum") == "");  // demonym alone, no support: Russia is not in this gazetteer
}

TEST_CASE("a country name inside an organisation's name or a currency is not a mention", "[tagger]") {
  CHECK(countries("a China Telecom router") == "");
  CHECK(countries("priced at US$68") == "");
  CHECK(countries("China and the USA") == "CN:1 US:1");
}

TEST_CASE("names inside paths and user agents are not mentions", "[tagger]") {
  CHECK(actors("HKLM\\Software\\FBI\\Run and Leviathan/5.0") == "");
  CHECK(actors("Leviathan/APT40 struck") == "apt40:2");
}

TEST_CASE("a group's name takes the group word that follows it", "[tagger]") {
  const auto entities = tag("The Leviathan Group and the APT40 ransomware gang.");
  REQUIRE(entities.actors.size() == 1);
  CHECK(entities.actors[0].surfaces == std::set<std::string>{"Leviathan Group", "APT40 ransomware gang"});
}

TEST_CASE("spaced and joined spellings of group names count", "[tagger]") {
  CHECK(actors("APT 40 and APT-40 and GinghamTyphoon") == "apt40:3");
}

TEST_CASE("an English-word alias capitalised inside a sentence is a name", "[tagger]") {
  CHECK(actors("Attacks by Play hit hospitals.") == "play:1");
  CHECK(actors("Play hit hospitals.") == "");
  CHECK(actors("we saw Cobalt Strike") == "");
}

TEST_CASE("codes vendors give threat groups are actors even when no gazetteer lists them", "[tagger]") {
  const auto entities =
      tag("TA574 and Storm-0999 and UNC9999 and UAC-0099 overlap; TAG-9 does not, nor DEV-1.");
  std::set<std::string> ids;
  for (const auto& actor : entities.actors)
    ids.insert(actor.id);
  CHECK(ids == std::set<std::string>{"ta574", "storm-0999", "unc9999", "uac-0099"});
  REQUIRE(entities.defined_actors.size() == 4);
  CHECK(entities.defined_actors[0].kind == dossier::analysis::ActorKind::ThreatGroup);
}

TEST_CASE("an actor's name that contains a country names the actor, not the country", "[tagger]") {
  static const Gazetteer g = Gazetteer::build(
      GazetteerSources{
          {"c", "code\tname\taliases\tdemonyms\tcapitals\nIR\tIran\t\tIranian\t\n"},
          {"a",
           "id\tname\tkind\tcountry\taliases\ngovernment-ir\tGovernment of Iran\tgovernment\tIR\t"
           "Iranian government\n"},
          {"w", "alias\treason\n"},
          {},
          {}},
      {});
  const EntityTagger tagger(g, analyzer());
  // Mentions do not overlap, as in the annotated corpora: the actor carries its country.
  const auto entities = tagger.tag("The Iranian government denied it; Iranian hackers did it.");
  REQUIRE(entities.actors.size() == 1);
  CHECK(entities.actors[0].surfaces == std::set<std::string>{"Iranian government"});
  REQUIRE(entities.countries.size() == 1);
  CHECK(entities.countries[0].surfaces == std::set<std::string>{"Iranian"});
}

TEST_CASE("names in an alias list of a known group count for that group", "[tagger]") {
  const auto entities = tag("Leviathan, also known as Bluefin or Sea Crab, returned. Later Bluefin struck.");
  REQUIRE(entities.actors.size() == 1);
  CHECK(entities.actors[0].id == "apt40");
  CHECK(entities.actors[0].surfaces == std::set<std::string>{"Leviathan", "Bluefin", "Sea Crab"});
  CHECK(entities.actors[0].mentions == 4);
  CHECK(actors("Marlin (aka APT40, Leviathan) sent lures; Marlin/Quill aka APT40.") == "apt40:6");
  CHECK(actors("APT40 (aka UAC-0999) struck") == "apt40:2");
}

TEST_CASE("a group word before a naming phrase or a quoted name defines a new group", "[tagger]") {
  const auto entities =
      tag("A threat actor known by the aliases \u2018Quill Otter\u2019 and \u2018QOtter\u2019 "
          "phished banks. Quill Otter returned.");
  REQUIRE(entities.actors.size() == 1);
  CHECK(entities.actors[0].id == "quill-otter");
  CHECK(entities.actors[0].mentions == 3);
  REQUIRE(entities.defined_actors.size() == 1);
  CHECK(entities.defined_actors[0].kind == dossier::analysis::ActorKind::ThreatGroup);
  CHECK(entities.defined_actors[0].aliases == std::vector<std::string>{"QOtter"});
  CHECK(actors("an APT group named \u201cRed Kettle\u201d struck") == "red-kettle:1");
  CHECK(actors("Extortion Actor \"Grey Mole\" Returns") == "grey-mole:1");
  CHECK(actors("a gang dubbed Snowcat (aka TA9999) is back") == "ta9999:2");
}

TEST_CASE("alias lists that name no group, or end, add no names", "[tagger]") {
  CHECK(actors("Vortex, also known as Spinner, encrypts files.") == "");
  CHECK(actors("the technique known as Process Hollowing") == "");
  CHECK(actors("a loader dubbed \u201cFoo\u201d and malware called Bar") == "");
  CHECK(actors("threat actors named in The Report") == "");
  CHECK(actors("handed to the operators. **Spam Waves** began") == "");
  CHECK(actors("Lists of APT Groups\") [Get in Touch]") == "");
  CHECK(actors("* Acme Group * Foobank * Barbank") == "");
  const auto entities = tag("Leviathan (aka Bluefin) and Mako Shark; APT40, aka Leviathan. Then Norway");
  REQUIRE(entities.actors.size() == 1);
  CHECK(entities.actors[0].surfaces == std::set<std::string>{"Leviathan", "Bluefin", "APT40"});
}

namespace {

const EntityTagger& builtin_tagger() {
  static const Gazetteer g = Gazetteer::builtin();
  static const EntityTagger tagger(g, analyzer());
  return tagger;
}

// "id:mentions" of the actors the built-in gazetteer finds, in the tagger's order.
std::string builtin_actors(std::string_view text) {
  std::string out;
  for (const auto& a : builtin_tagger().tag(text, "en").actors)
    out += (out.empty() ? "" : " ") + a.id + ":" + std::to_string(a.mentions);
  return out;
}

}  // namespace

TEST_CASE("ATT&CK tactic ids are not threat groups, Proofpoint's TA numbers are", "[tagger]") {
  CHECK(builtin_actors("The operators moved from tactic TA0001 (Initial Access) to TA0040 (Impact).") == "");
  CHECK(builtin_actors("TA4903 sent the lures; TA505 did not.") == "ta4903:1 ta505:1");
}

TEST_CASE("bytes of a hex dump and units after a number are not names", "[tagger]") {
  CHECK(builtin_actors("The header reads 45 F5 5D 00 12 in hex, as F5 Networks documents.") == "f5:1");
  CHECK(builtin_actors("The loader sets the 32 BIT flag.") == "");
}

TEST_CASE("site footers, image descriptions and link titles name no actor", "[tagger]") {
  CHECK(builtin_actors("Follow us on Twitter and LinkedIn for updates.") == "");
  CHECK(builtin_actors("![Google search result page](/img/1.png) shows the lure.") == "");
  CHECK(builtin_actors("[Follow](https://twitter.com/example \"Twitter\")") == "");
  CHECK(builtin_actors("Twitter suspended the accounts after LinkedIn reported them.") ==
        "linkedin:1 x-corp:1");
}

TEST_CASE("a capitalised common word needs an actor context in its sentence", "[tagger]") {
  CHECK(builtin_actors("The Equation for risk is simple: impact times likelihood.") == "");
  CHECK(builtin_actors("Researchers tied the implant to the Equation group.") == "equation-group:1");
}

TEST_CASE("a framework named after an organisation is not the organisation", "[tagger]") {
  CHECK(builtin_actors("The techniques map to MITRE ATT&CK as follows.") == "");
  CHECK(builtin_actors("MITRE maintains the CVE list.") == "mitre:1");
}

TEST_CASE("a weak acronym counts beside its country's name, not pages away from it", "[tagger]") {
  CHECK(builtin_actors("Officers of China's MSS recruited him.") == "mss-cn:1");
  std::string far = "China was named once. ";
  for (int i = 0; i < 30; ++i)
    far += "filler ";
  far += "Then enable MSS clamping on the router.";
  CHECK(builtin_actors(far) == "");
}

TEST_CASE("one referent is one facet value however a report words it", "[tagger]") {
  // The generic phrases for a state's government are one actor, not the State Council.
  CHECK(builtin_actors("The Chinese government denied it. Chinese authorities arrested him.") ==
        "government-cn:2");
  // Norway has one agency named "Norwegian Intelligence Service": the generic phrases are it.
  CHECK(
      builtin_actors("Norwegian intelligence services warned. The Norwegian Intelligence Service said so.") ==
      "nis-no:2");
}

TEST_CASE("known groups are shown by the name analysts use", "[tagger]") {
  const auto entities = builtin_tagger().tag("TA511 sent the emails; APT36 wrote the implant.", "en");
  std::vector<std::string> names;
  for (const auto& a : entities.actors)
    names.push_back(builtin_tagger().gazetteer().actor(a.id)->name);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"TA511", "Transparent Tribe"});
}

TEST_CASE("intergovernmental bodies, national agencies, legislatures and embassies are actors", "[tagger]") {
  CHECK(builtin_actors("The International Monetary Fund and the IMF staff.") == "imf:2");
  CHECK(builtin_actors("HMRC and the CDC issued warnings.") == "cdc-us:1 hmrc-gb:1");
  CHECK(builtin_actors("The UK House of Commons debated it.") == "house-of-commons-gb:1");
  CHECK(builtin_actors("The Belgian Parliament was targeted, as was the PRC embassy in Prague.") ==
        "embassy-cn:1 parliament-be:1");
  CHECK(builtin_actors("Unit 26165 of the GRU ran the operation.") == "apt28:1 gru-ru:1");
}

TEST_CASE("a long name matches as a whole or not at all", "[tagger]") {
  // Not MI5's "Security Service", nor Canada's generic intelligence services plus MI5.
  CHECK(builtin_actors("The Security Service of the Ukraine arrested two men.") ==
        "unknown-security-service-of-the-ukraine:1");
  CHECK(builtin_actors("The Canadian Intelligence and Security Service said so.") ==
        "unknown-canadian-intelligence-and-security-service:1");
  // The actor's own country after "of" is part of its name.
  CHECK(builtin_actors("The Federal Security Service of Russia denied it.") == "fsb-ru:1");
  CHECK(builtin_actors("The Security Service of Ukraine (SBU) said so.") == "sbu-ua:2");
}

TEST_CASE("an acronym in parentheses decides between referents", "[tagger]") {
  // The Soviet MGB is not China's MSS, though both translate as Ministry of State Security.
  CHECK(builtin_actors("The Soviet Ministry of State Security (MGB) ran the camps. The MGB grew.") ==
        "unknown-ministry-of-state-security:3");
  CHECK(builtin_actors("The Ministry of State Security (MSS) recruited him.") == "mss-cn:2");
}
