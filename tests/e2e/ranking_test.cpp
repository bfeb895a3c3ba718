// Ranking through the real binary: words that stand together, and actors named under many aliases.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::index_into;
using dossier::testing::json_of;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// Sentences that hold none of the query words, to set the words apart.
const std::string kFiller =
    "The report reviews supply chains, procurement rules, budget lines and regional trade agreements in "
    "some detail. ";

// Three briefings that say "US military" once, two overviews that say "US" and "military" twice
// each, paragraphs apart: the overviews win on the words alone.
const std::string& proximity_db() {
  static const TempDir reports;
  static const TempDir index;
  static const std::string db = [] {
    for (const char* name : {"phrase1.txt", "phrase2.txt", "phrase3.txt"}) {
      reports.write(name, "Briefing\nAnalysts say the US military moved new radar units to the region. " +
                              kFiller + kFiller + kFiller + kFiller);
    }
    for (const char* name : {"apart1.txt", "apart2.txt"}) {
      reports.write(name, "Overview\nThe US economy grew. US exports rose.\n\n" + kFiller + kFiller +
                              kFiller + "\n\nLater, military planners met. The military budget was cut.\n");
    }
    return index_into(reports.path(), index);
  }();
  return db;
}

// A report about APT15 whose one line lists APT28's aliases, APT28's own profile, a report that
// names APT28 twice, and one that names nobody.
const std::string& alias_list_db() {
  static const TempDir reports;
  static const TempDir index;
  static const std::string db = [] {
    reports.write(
        "apt15.txt",
        "APT15 targets foreign ministries\nAPT15 has targeted foreign ministries in Europe and the "
        "Americas with new backdoors. APT15 operators relied on stolen credentials. The campaign "
        "overlaps in time with activity by other groups, such as Swallowtail (aka APT28, Fancy Bear, "
        "Sofacy, Strontium), but the tooling differs. APT15 also reused older infrastructure.");
    reports.write(
        "apt28.txt",
        "APT28 profile\nAPT28 is a Russian threat group attributed to the GRU. APT28 has run phishing "
        "campaigns against governments and political parties for more than a decade, and APT28 "
        "operators often exploit edge devices. Recent APT28 activity focused on energy firms.");
    reports.write(
        "twice.txt",
        "Webmail intrusions in the Baltics\nInvestigators linked the webmail intrusions to APT28. The "
        "phishing pages imitated local ministries and collected passwords for weeks before APT28 "
        "moved to the mail servers themselves.");
    reports.write("other.txt", "Ransomware trends\nRansomware crews kept hitting hospitals and schools.");
    return index_into(reports.path(), index);
  }();
  return db;
}

std::vector<std::string> ranked_files(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), "search");
  for (const char* extra : {"--db", db.c_str(), "--json"})
    args.emplace_back(extra);
  const nlohmann::json json = json_of(run_dossier(args));
  std::vector<std::string> files;
  for (const auto& hit : json["hits"])
    files.push_back(std::filesystem::path(hit["path"].get<std::string>()).filename());
  return files;
}

}  // namespace

TEST_CASE("US military ranks the reports that say it as a phrase above those with the words apart",
          "[e2e][ranking]") {
  const auto files = ranked_files(proximity_db(), {"US", "military"});
  REQUIRE(files.size() == 5);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(files[i].starts_with("phrase"));
  // A quoted phrase matches only those three; the words alone still find all five.
  CHECK(ranked_files(proximity_db(), {"\"US military\""}).size() == 3);
}

TEST_CASE("APT28 ranks its profile and a report naming it twice above a list of its aliases",
          "[e2e][ranking][aliases]") {
  const auto files = ranked_files(alias_list_db(), {"APT28"});
  CHECK(files == std::vector<std::string>{"apt28.txt", "twice.txt", "apt15.txt"});
  // The list still matches, through the tag, and says which of the names it used.
  const auto json = json_of(run_dossier({"search", "APT28", "--db", alias_list_db(), "--json"}));
  CHECK(json["hits"][2]["matched_aliases"].size() >= 3);
}
