// `dossier watch` and `dossier index --watch` as an analyst's scheduled job uses them: saved
// searches that report only what is new or changed since their last run.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "background_process.h"
#include "dossier_runner.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using dossier::testing::json_of;
using dossier::testing::ProcessResult;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// A folder of reports and an index, with the commands a test runs on them.
class Desk {
 public:
  Desk() : db_((index_.path() / "db").string()) {}

  const TempDir& reports() const { return reports_; }
  const std::string& db() const { return db_; }

  ProcessResult index(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"index", reports_.path().string(), "--db", db_};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_dossier(args);
  }

  ProcessResult watch(std::vector<std::string> args) const {
    args.insert(args.begin(), "watch");
    args.insert(args.end(), {"--db", db_});
    return run_dossier(args);
  }

  // The paths each watch reports as new or changed in a JSON run, keyed "name/change".
  std::multimap<std::string, std::string> news(std::vector<std::string> args = {}) const {
    args.insert(args.begin(), {"run", "--json"});
    const ProcessResult run = watch(args);
    REQUIRE(run.exit_code <= 1);
    std::multimap<std::string, std::string> found;
    const nlohmann::json json = json_of(run);
    for (const auto& watch : json["watches"]) {
      for (const auto& hit : watch["hits"]) {
        found.emplace(watch["name"].get<std::string>() + "/" + hit["change"].get<std::string>(),
                      fs::path(hit["path"].get<std::string>()).filename().string());
      }
    }
    return found;
  }

 private:
  TempDir reports_, index_;
  std::string db_;
};

void shift_mtime(const fs::path& file, int seconds) {
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(seconds));
}

using News = std::multimap<std::string, std::string>;

}  // namespace

TEST_CASE("two watches report their matches, then only what is new, then nothing", "[e2e][watch]") {
  const Desk desk;
  REQUIRE(desk.watch({"add", "APT40 in Norway", "APT40", "--country", "Norway"}).exit_code == 0);
  REQUIRE(desk.watch({"add", "phishing", "phishing", "-training"}).exit_code == 0);
  desk.reports().write("old-apt40.txt", "APT40 targeted ministries in Norway last spring.");
  const fs::path touched = desk.reports().write("phish.txt", "A phishing wave hit Oslo.");
  desk.reports().write("training.txt", "Phishing training for staff.");
  desk.reports().write("other.txt", "Nothing to see here.");
  REQUIRE(desk.index().exit_code == 0);

  const ProcessResult first = desk.watch({"run"});
  CHECK(first.exit_code == 0);
  CHECK_THAT(first.out, Catch::Contains("APT40 in Norway: 1 new\n"));
  CHECK_THAT(first.out, Catch::Contains("old-apt40.txt"));
  CHECK_THAT(first.out, Catch::Contains("phishing: 1 new\n"));
  CHECK_THAT(first.out, Catch::Contains("phish.txt"));
  CHECK_THAT(first.out, !Catch::Contains("training.txt"));  // -training: a NOT word

  desk.reports().write("new-apt40.txt", "Leviathan, also known as APT40, probed ministries in Norway again.");
  shift_mtime(touched, 30);
  REQUIRE(desk.index().exit_code == 0);
  const ProcessResult second = desk.watch({"run", "--since-last"});
  CHECK(second.exit_code == 0);
  CHECK(second.out.find("APT40 in Norway: 1 new\n") == 0);
  CHECK_THAT(second.out, Catch::Contains("new-apt40.txt"));
  CHECK_THAT(second.out, !Catch::Contains("old-apt40.txt"));
  CHECK_THAT(second.out, !Catch::Contains("phish"));  // only touched: not new

  const ProcessResult third = desk.watch({"run"});
  CHECK(third.exit_code == 1);
  CHECK(third.out.empty());
  CHECK(third.err.empty());
}

TEST_CASE("a report whose content changed is reported as changed, not new", "[e2e][watch]") {
  const Desk desk;
  const fs::path report = desk.reports().write("report.txt", "APT40 activity summary, first draft.");
  REQUIRE(desk.watch({"add", "apt40", "APT40"}).exit_code == 0);
  REQUIRE(desk.index().exit_code == 0);
  CHECK(desk.news() == News{{"apt40/new", "report.txt"}});  // a run, recorded
  desk.reports().write("report.txt", "APT40 activity summary, final version with more detail.");
  shift_mtime(report, 30);
  REQUIRE(desk.index().exit_code == 0);
  const ProcessResult run = desk.watch({"run"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("apt40: 1 changed\n") == 0);
  CHECK(desk.news() == News{});  // recorded by the run above
  CHECK(desk.watch({"run", "--since", "2000-01-01"}).out.find("apt40: 1 new\n") == 0);
}

TEST_CASE("a renamed report is not news", "[e2e][watch]") {
  const Desk desk;
  const fs::path report = desk.reports().write("a.txt", "APT40 in the harbour.");
  REQUIRE(desk.watch({"add", "apt40", "APT40"}).exit_code == 0);
  REQUIRE(desk.index().exit_code == 0);
  REQUIRE(desk.watch({"run"}).exit_code == 0);
  fs::rename(report, desk.reports().path() / "b.txt");
  REQUIRE(desk.index().exit_code == 0);
  CHECK(desk.watch({"run"}).exit_code == 1);
}

TEST_CASE("watch run --since reports from a given time and records nothing", "[e2e][watch]") {
  const Desk desk;
  desk.reports().write("a.txt", "APT40 again.");
  REQUIRE(desk.watch({"add", "apt40", "APT40"}).exit_code == 0);
  REQUIRE(desk.index().exit_code == 0);
  CHECK(desk.watch({"run", "--since", "2200-01-01"}).exit_code == 1);
  CHECK(desk.news({"--since", "2000-01-01T00:00:00Z"}) == News{{"apt40/new", "a.txt"}});
  const auto shown = json_of(desk.watch({"show", "apt40", "--json"}));
  CHECK(shown["last_run"].is_null());  // --since runs are not recorded
  CHECK(desk.news() == News{{"apt40/new", "a.txt"}});
  CHECK_FALSE(json_of(desk.watch({"show", "apt40", "--json"}))["last_run"].is_null());
}

TEST_CASE("watch run lists hits as JSON lines with their watch and change", "[e2e][watch]") {
  const Desk desk;
  desk.reports().write("a.txt", "APT40 and phishing.");
  REQUIRE(desk.watch({"add", "apt40", "APT40"}).exit_code == 0);
  REQUIRE(desk.watch({"add", "phish", "phishing"}).exit_code == 0);
  REQUIRE(desk.index().exit_code == 0);
  const ProcessResult run = desk.watch({"run", "--format", "jsonl", "phish"});
  REQUIRE(run.exit_code == 0);
  const auto line = nlohmann::json::parse(run.out);  // one line: only the phish watch ran
  CHECK(line["watch"] == "phish");
  CHECK(line["change"] == "new");
  CHECK_THAT(line["snippet"].get<std::string>(), Catch::Contains("<b>phishing</b>"));
  CHECK(desk.watch({"run", "apt40", "--json"}).exit_code == 0);  // apt40 was not run before
}

TEST_CASE("index --watch --quiet prints only when a watch has news", "[e2e][watch]") {
  const Desk desk;
  REQUIRE(desk.watch({"add", "apt40", "APT40"}).exit_code == 0);
  desk.reports().write("a.txt", "Weather report.");
  const ProcessResult quiet = desk.index({"--watch", "--quiet"});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
  desk.reports().write("b.txt", "APT40 spotted.");
  const ProcessResult news = desk.index({"--watch", "--quiet"});
  CHECK(news.exit_code == 0);
  CHECK(news.out.find("apt40: 1 new\n") == 0);
  CHECK(desk.index({"--watch", "--quiet"}).out.empty());
}

TEST_CASE("watch add, list, show and remove keep the list in the index", "[e2e][watch]") {
  const Desk desk;
  const ProcessResult added =
      desk.watch({"add", "MSS", "espionage", "--actor", "Ministry of State Security", "--any", "--json"});
  REQUIRE(added.exit_code == 0);
  CHECK(json_of(added)["actors"] == nlohmann::json::array({"Ministry of State Security"}));
  REQUIRE(desk.watch({"add", "apt40", "APT40", "--country", "NO"}).exit_code == 0);
  const ProcessResult list = desk.watch({"list"});
  CHECK(list.out ==
        "MSS: espionage --actor \"Ministry of State Security\" --any (never run)\n"
        "apt40: APT40 --country NO (never run)\n");
  const auto json = json_of(desk.watch({"list", "--json"}));
  CHECK(json["version"] == 1);
  CHECK(json["watches"].size() == 2);
  CHECK(json["watches"][1]["countries"] == nlohmann::json::array({"NO"}));
  CHECK_THAT(desk.watch({"show", "apt40"}).out, Catch::Contains("query: APT40\ncountries: NO\n"));
  CHECK(desk.watch({"remove", "MSS"}).exit_code == 0);
  CHECK(desk.watch({"list"}).out == "apt40: APT40 --country NO (never run)\n");
  const ProcessResult again = desk.watch({"remove", "MSS"});
  CHECK(again.exit_code == 2);
  CHECK(again.err == "error: no watch named 'MSS' (see 'dossier watch list')\n");
}

TEST_CASE("watch mistakes are one line and exit 2", "[e2e][watch]") {
  const Desk desk;
  desk.reports().write("a.txt", "APT40 spotted.");
  REQUIRE(desk.index().exit_code == 0);
  const ProcessResult bad_query = desk.watch({"add", "bad", "(APT40"});
  CHECK(bad_query.exit_code == 2);
  CHECK_THAT(bad_query.err, Catch::StartsWith("error: unbalanced"));
  CHECK(desk.watch({"add", "bad", "x", "--country", "Atlantis"}).exit_code == 2);
  CHECK(desk.watch({"add", "empty"}).err ==
        "error: a watch needs query words, or a --country or --actor to keep\n");
  CHECK(desk.watch({"list", "--country", "NO"}).err ==
        "error: --country: applies only to 'watch add', not to 'watch list'\n");
  CHECK(desk.watch({"fly"}).err ==
        "error: watch: unknown action 'fly'; actions: add, list, show, remove, run\n");
  CHECK(desk.watch({"run", "--since", "yesterday"}).exit_code == 2);
  CHECK(desk.watch({"run", "nope"}).err == "error: no watch named 'nope' (see 'dossier watch list')\n");
  CHECK(desk.watch({"list"}).out.empty());
}

TEST_CASE("a watch add killed at any moment leaves the old list or the new one", "[e2e][watch]") {
  const Desk desk;
  desk.reports().write("a.txt", "APT40 spotted.");
  REQUIRE(desk.index().exit_code == 0);
  REQUIRE(desk.watch({"add", "first", "APT40"}).exit_code == 0);
  for (int delay_ms = 0; delay_ms < 60; delay_ms += 3) {
    const std::string name = "w" + std::to_string(delay_ms);
    const pid_t child = ::fork();
    if (child == 0) {
      const char* argv[] = {dossier::testing::kDossierBinary.c_str(),
                            "watch",
                            "add",
                            name.c_str(),
                            "spotted",
                            "--db",
                            desk.db().c_str(),
                            nullptr};
      ::execv(argv[0], const_cast<char* const*>(argv));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    const ProcessResult list = desk.watch({"list", "--json"});
    REQUIRE(list.exit_code == 0);
    const auto watches = json_of(list)["watches"];
    REQUIRE(watches.size() >= 1);
    CHECK(watches[0]["name"] == "first");
    CHECK(watches[0]["query"] == "APT40");
    for (const auto& watch : watches) {
      const bool old_or_new = watch["name"] == "first" || watch["query"] == "spotted";
      CHECK(old_or_new);
    }
  }
  CHECK(desk.watch({"add", "after", "spotted"}).exit_code == 0);  // no lock left behind
}

TEST_CASE("watches added while an index run commits keep the list whole and see every report",
          "[e2e][watch]") {
  const Desk desk;
  for (int i = 0; i < 300; ++i)
    desk.reports().write("r" + std::to_string(i) + ".txt", "APT40 report number " + std::to_string(i) + ".");
  REQUIRE(desk.index().exit_code == 0);
  std::vector<std::string> names;
  for (int round = 0; round < 3; ++round) {
    // --full rewrites every document, committing every 10: the run holds the writer's lock a while.
    // Whichever of the two takes the lock first, the other waits for it.
    dossier::testing::BackgroundProcess run({dossier::testing::kDossierBinary, "index",
                                             desk.reports().path().string(), "--db", desk.db(), "--full",
                                             "--batch", "10", "--wait", "60", "--quiet"});
    names.push_back("watch " + std::to_string(round));
    const ProcessResult add = desk.watch({"add", names.back(), "APT40", "--wait", "60"});
    CHECK(add.exit_code == 0);
    CHECK(add.err.empty());
    CHECK(run.wait(std::chrono::seconds(120)) == 0);
    const auto watches = json_of(desk.watch({"list", "--json"}))["watches"];
    REQUIRE(watches.size() == names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
      CHECK(watches[i]["name"] == names[i]);
      CHECK(watches[i]["query"] == "APT40");
    }
  }
  // Every report, none lost to the concurrent commits: a watch never run reports each as new.
  const ProcessResult news = desk.watch({"run", names.back(), "--json", "-n", "0"});
  CHECK(news.exit_code == 0);
  CHECK(json_of(news)["watches"][0]["new"] == 300);
}
