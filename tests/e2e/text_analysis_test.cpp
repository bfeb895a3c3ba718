// What the real binary makes of text an analyst's files hold: words glued by unusual spaces,
// identifiers and words inside compounds, and the words of file names.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "dossier_runner.h"
#include "temp_dir.h"
#include "unicode_spaces.h"

namespace fs = std::filesystem;
using dossier::testing::json_of;
using dossier::testing::ProcessResult;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// The file names (without folders) of the hits of `query`, sorted.
std::vector<std::string> hit_names(const std::string& db, const std::string& query) {
  const ProcessResult result = run_dossier({"search", query, "--db", db, "--json", "-n", "1000"});
  std::vector<std::string> names;
  if (result.exit_code != 0) return names;
  const nlohmann::json json = json_of(result);
  for (const auto& hit : json["hits"])
    names.push_back(fs::path(hit["path"].get<std::string>()).filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("words glued by any Unicode space are found, in files and in queries", "[e2e][analysis]") {
  const TempDir reports, index;
  std::vector<std::string> expected;
  const auto spaces = dossier::testing::word_separating_spaces();
  for (const auto& space : spaces) {
    const std::string name = space.name.substr(2) + ".txt";
    reports.write(name, "Loaders seen this week:" + space.utf8 + "Emotet" + space.utf8 + "and" + space.utf8 +
                            "Dridex" + space.utf8 + "!\n");
    expected.push_back(name);
  }
  std::sort(expected.begin(), expected.end());
  const std::string db = dossier::testing::index_into(reports.path(), index);
  CHECK(hit_names(db, "Emotet") == expected);
  CHECK(hit_names(db, "Dridex") == expected);
  for (const auto& space : spaces) {
    INFO(space.name);
    CHECK(hit_names(db, "Emotet" + space.utf8 + "Dridex") == expected);
  }
}
