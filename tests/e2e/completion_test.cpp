// The real binary's hidden `dossier complete` helper, which the bash and zsh completions call:
// subcommands, every flag --help lists, fixed flag values, and the countries and actors an index's
// documents name. (tests/scripts/*_completion_test.sh drive the shell scripts themselves.)
#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// The helper's answer: its kind ("words", "files", "folders") and its candidates.
struct Answer {
  std::string kind;
  std::vector<std::string> words;
};

Answer complete(std::vector<std::string> words) {
  words.insert(words.begin(), "complete");
  const auto result = run_dossier(words);
  REQUIRE(result.exit_code == 0);
  std::istringstream lines(result.out);
  Answer answer;
  std::getline(lines, answer.kind);
  for (std::string line; std::getline(lines, line);)
    answer.words.push_back(line);
  return answer;
}

// The subcommands `dossier --help` lists, in its order.
std::vector<std::string> help_commands() {
  std::istringstream help(run_dossier({"--help"}).out);
  std::vector<std::string> commands;
  bool listed = false;
  for (std::string line; std::getline(help, line);) {
    if (line.empty()) listed = false;
    if (listed) commands.push_back(line.substr(2, line.find(' ', 2) - 2));
    if (line == "Subcommands:") listed = true;
  }
  return commands;
}

// The long flags a command's --help lists.
std::set<std::string> help_flags(const std::string& command) {
  const std::string help = run_dossier({command, "--help"}).out;
  const std::string options = help.substr(help.find("Options:"));
  const std::string listed = options.substr(0, options.find("\n\n"));
  std::set<std::string> flags;
  const std::regex flag("--[a-z][a-z-]*");
  for (auto it = std::sregex_iterator(listed.begin(), listed.end(), flag); it != std::sregex_iterator(); ++it)
    flags.insert(it->str());
  return flags;
}

}  // namespace

TEST_CASE("completion offers the subcommands, not the hidden helper", "[e2e][completion]") {
  const Answer all = complete({""});
  CHECK(all.kind == "words");
  CHECK(all.words == help_commands());
  CHECK(std::find(all.words.begin(), all.words.end(), "complete") == all.words.end());
  CHECK(complete({"se"}).words == std::vector<std::string>{"search", "serve"});
  CHECK(complete({"sea"}).words == std::vector<std::string>{"search"});
  CHECK(complete({"--v"}).words == std::vector<std::string>{"--version"});
}

TEST_CASE("completion offers every flag that each command's --help lists", "[e2e][completion]") {
  for (const std::string& command : help_commands()) {
    INFO(command);
    const std::set<std::string> listed = help_flags(command);
    REQUIRE(listed.size() >= 3);
    const Answer answer = complete({command, "--"});
    CHECK(std::set<std::string>(answer.words.begin(), answer.words.end()) == listed);
  }
  CHECK(complete({"search", "espionage", "--cou"}).words == std::vector<std::string>{"--count", "--country"});
}

TEST_CASE("completion offers flag values, file names where a path goes, and nothing for query words",
          "[e2e][completion]") {
  CHECK(complete({"search", "x", "--format", "j"}).words == std::vector<std::string>{"json", "jsonl"});
  CHECK(complete({"search", "--sort", ""}).words == std::vector<std::string>{"date", "relevance"});
  CHECK(complete({"search", "--format=p"}).words == std::vector<std::string>{"--format=paths"});
  CHECK(complete({"index", "--db", ""}).kind == "folders");
  CHECK(complete({"index", "--gazetteer", "x"}).kind == "files");
  CHECK(complete({"index", "~/rep"}).kind == "files");
  CHECK(complete({"show", ""}).kind == "files");
  const Answer words = complete({"search", "espion"});
  CHECK(words.kind == "words");
  CHECK(words.words.empty());
}

TEST_CASE("completion of --country and --actor offers what the index's documents name", "[e2e][completion]") {
  const TempDir reports, index;
  const auto file =
      reports.write("a.txt", "APT40, also known as Leviathan, targeted Norway and the United States.");
  const std::string db = (index.path() / "db").string();
  REQUIRE(run_dossier({"index", reports.path().string(), "--db", db}).exit_code == 0);
  CHECK(complete({"search", "--db", db, "--country", "n"}).words == std::vector<std::string>{"NO", "Norway"});
  CHECK(complete({"search", "--db", db, "--country", "Uni"}).words ==
        std::vector<std::string>{"United States"});
  // An actor by its id or its display name, whichever the typed letters start.
  CHECK(complete({"search", "--db=" + db, "--actor", "apt"}).words == std::vector<std::string>{"apt40"});
  const std::string name = dossier::testing::json_of(
      run_dossier({"show", file.string(), "--db", db, "--json"}))["actors"][0]["name"];
  CHECK(complete({"search", "--db", db, "--actor", name.substr(0, 3)}).words ==
        std::vector<std::string>{name});
  // bash splits "--country=No" into three words.
  CHECK(complete({"search", "--db", db, "--country", "=", "No"}).words ==
        std::vector<std::string>{"NO", "Norway"});
  CHECK(complete({"search", "--db", db, "--country", "\"Uni"}).words ==
        std::vector<std::string>{"\"United States"});
  // No index: no candidates, and no error in the middle of the user's command line.
  const auto none =
      run_dossier({"complete", "search", "--db", (index.path() / "none").string(), "--country", ""});
  CHECK(none.exit_code == 0);
  CHECK(none.out == "words\n");
  CHECK(none.err.empty());
}

TEST_CASE("completion offers the watch actions first, then only watch run's formats", "[e2e][completion]") {
  CHECK(complete({"watch", ""}).words == std::vector<std::string>{"add", "list", "show", "remove", "run"});
  CHECK(complete({"watch", "r"}).words == std::vector<std::string>{"remove", "run"});
  CHECK(complete({"watch", "--db", "x", "l"}).words == std::vector<std::string>{"list"});
  CHECK(complete({"watch", "add", "apt40", ""}).words.empty());
  CHECK(complete({"watch", "run", "--format", ""}).words ==
        std::vector<std::string>{"json", "jsonl", "text"});
}
