/// \file
/// Runs the real `dossier` binary for end-to-end tests.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "process.h"
#include "temp_dir.h"

namespace dossier::testing {

/// The built binary (set by CMake).
inline const std::string kDossierBinary = DOSSIER_BINARY;
/// The project's sample corpus (set by CMake).
inline const std::filesystem::path kCorpusDir = DOSSIER_CORPUS_DIR;

/// Runs `dossier args...` with `NO_COLOR` unset, `DOSSIER_DB` unset and `HOME` pointing at
/// `home` unless the spec's environment says otherwise. The built binary runs unless
/// `spec.argv` already names a copy of it.
inline ProcessResult run_dossier(std::vector<std::string> args, ProcessSpec spec = {}) {
  spec.argv = {spec.argv.empty() ? kDossierBinary : spec.argv.front()};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.env.try_emplace("DOSSIER_DB", std::nullopt);
  spec.env.try_emplace("NO_COLOR", std::nullopt);
  spec.env.try_emplace("XDG_DATA_HOME", std::nullopt);
  return run_process(spec);
}

/// The shared libraries the built binary links, as `ldd` lists them (fails the test unless it runs).
inline std::string linked_libraries() {
  ProcessSpec spec;
  spec.argv = {"/usr/bin/ldd", kDossierBinary};
  const ProcessResult result = run_process(spec);
  REQUIRE(result.exit_code == 0);
  return result.out;
}

/// Parses stdout as one JSON document (fails the test with the output if it is not).
inline nlohmann::json json_of(const ProcessResult& result) {
  return nlohmann::json::parse(result.out);
}

/// Indexes `folder` into `index`/db with the real binary and returns the database's path; fails the
/// test unless the run exits 0.
inline std::string index_into(const std::filesystem::path& folder, const TempDir& index) {
  const std::string path = (index.path() / "db").string();
  REQUIRE(run_dossier({"index", folder.string(), "--db", path}).exit_code == 0);
  return path;
}

/// The project's corpus/ indexed once per test process, for tests that read it.
inline const std::string& corpus_db() {
  static const TempDir index;
  static const std::string db = index_into(kCorpusDir, index);
  return db;
}

}  // namespace dossier::testing
