// The README's examples, exactly as typed, against the sample corpus: each search, similar, show
// and entities line of "Using it" must parse and run (exit 0 or 1, no error), with its flags
// before or after the words. Lines that index or forget a user's folders (they would write to the
// shared corpus index), and synopses in brackets, are not
// run; a pipe's right-hand side (jq, xargs) is left out.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "dossier_runner.h"

using dossier::testing::ProcessResult;
using dossier::testing::ProcessSpec;

namespace {

const std::string kSourceDir = DOSSIER_SOURCE_DIR;

// The command lines of the README's "Using it" block that can run against the corpus.
std::vector<std::string> readme_examples() {
  std::ifstream readme(kSourceDir + "/README.md");
  std::vector<std::string> lines;
  bool in_section = false;
  bool in_block = false;
  for (std::string line; std::getline(readme, line);) {
    if (line.starts_with("## ")) in_section = line == "## Using it";
    if (!in_section) continue;
    if (line.starts_with("```")) {
      if (in_block) break;
      in_block = true;
      continue;
    }
    if (!in_block) continue;
    const std::size_t command = line.find("dossier ");
    if (command == std::string::npos || line.find('[') != std::string::npos ||
        line.find("dossier index") != std::string::npos || line.find("dossier forget") != std::string::npos) {
      continue;
    }
    std::string example = line.substr(0, line.find(" # "));
    if (const std::size_t pipe = example.find(" | ", command); pipe != std::string::npos)
      example.resize(pipe);
    lines.push_back(example);
  }
  return lines;
}

}  // namespace

TEST_CASE("every example of the README's usage section runs as typed against the corpus", "[e2e][readme]") {
  const std::vector<std::string> examples = readme_examples();
  REQUIRE(examples.size() >= 20);
  for (const std::string& example : examples) {
    INFO(example);
    ProcessSpec spec;
    // `dossier` in the example is the built binary; the corpus is the index.
    spec.argv = {"/bin/bash", "-c", "dossier() { \"$DOSSIER_BINARY\" \"$@\"; }\n" + example};
    spec.env["DOSSIER_BINARY"] = dossier::testing::kDossierBinary;
    spec.env["DOSSIER_DB"] = dossier::testing::corpus_db();
    spec.env["NO_COLOR"] = std::nullopt;
    spec.working_directory = kSourceDir;
    spec.timeout = std::chrono::seconds(120);
    const ProcessResult result = dossier::testing::run_process(spec);
    INFO("stderr: " << result.err);
    CHECK((result.exit_code == 0 || result.exit_code == 1));
    CHECK(result.err.find("error") == std::string::npos);
  }
}
