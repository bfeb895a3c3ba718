// The real binary's output for pipes: --format paths and jsonl list every match (not the first
// 10), and -0 prints each path exactly as stored, ended by a NUL byte.
#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find(separator, start)) != std::string::npos; start = end + 1)
    parts.push_back(text.substr(start, end - start));
  CHECK(start == text.size());  // every part is terminated
  return parts;
}

}  // namespace

TEST_CASE("paths and jsonl list every match unless -n is given; text and json stop at 10", "[e2e][output]") {
  const TempDir reports, index;
  for (int i = 0; i < 23; ++i)
    reports.write("r" + std::to_string(i) + ".txt", "espionage report number " + std::to_string(i));
  const std::string db = (index.path() / "db").string();
  REQUIRE(run_dossier({"index", reports.path().string(), "--db", db}).exit_code == 0);

  CHECK(run_dossier({"search", "*", "--db", db, "--count"}).out == "23\n");
  const auto paths = run_dossier({"search", "*", "--db", db, "--format", "paths"});
  CHECK(paths.exit_code == 0);
  const std::vector<std::string> lines = split(paths.out, '\n');
  CHECK(lines.size() == 23);
  CHECK(std::set<std::string>(lines.begin(), lines.end()).size() == 23);
  CHECK(split(run_dossier({"search", "espionage", "--db", db, "--format", "jsonl"}).out, '\n').size() == 23);
  CHECK(split(run_dossier({"search", "*", "--db", db, "--format", "paths", "-n", "5"}).out, '\n').size() ==
        5);
  CHECK(split(run_dossier({"search", "*", "--db", db, "--format", "paths", "--offset", "20"}).out, '\n')
            .size() == 3);
  const auto json = dossier::testing::json_of(run_dossier({"search", "*", "--db", db, "--json"}));
  CHECK(json["hits"].size() == 10);
  CHECK(json["total"] == 23);
}

TEST_CASE("with -0, paths holding newlines or non-UTF-8 bytes are printed exactly, each ended by NUL",
          "[e2e][output]") {
  const TempDir reports, index;
  const std::string odd_names[] = {std::string("line\nbreak.txt"), std::string("latin\xe9-\x1b[31m.txt")};
  std::set<std::string> expected;
  for (const std::string& name : odd_names)
    expected.insert(reports.write(name, "Volt Typhoon in the grid").string());
  expected.insert(reports.write("plain.txt", "Volt Typhoon again").string());
  const std::string db = (index.path() / "db").string();
  REQUIRE(run_dossier({"index", reports.path().string(), "--db", db}).exit_code == 0);

  const auto raw = run_dossier({"search", "typhoon", "--db", db, "--format", "paths", "-0"});
  CHECK(raw.exit_code == 0);
  const std::vector<std::string> paths = split(raw.out, '\0');
  CHECK(std::set<std::string>(paths.begin(), paths.end()) == expected);
  CHECK(run_dossier({"search", "typhoon", "--db", db, "--format", "paths", "--null"}).out == raw.out);

  // Without -0 a path with a newline is made printable, so each line is still one path.
  const auto lines = run_dossier({"search", "typhoon", "--db", db, "--format", "paths"});
  CHECK(split(lines.out, '\n').size() == 3);
  CHECK_THAT(lines.out, Catch::Contains("line\\nbreak.txt"));
}
