// The process runner of the end-to-end tests refuses a child that a sanitizer stopped, whatever exit
// code the test would accept: that is what keeps "exit 0, 1 or 2" checks honest in the sanitizer leg.
#include "process.h"

#include <catch2/catch.hpp>
#include <string>

using dossier::testing::ProcessResult;
using dossier::testing::ProcessSpec;
using dossier::testing::run_process;
using dossier::testing::sanitizer_report;
using dossier::testing::SanitizerReport;

namespace {

// `sh -c SCRIPT`.
ProcessResult shell(const std::string& script) {
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  return run_process(spec);
}

}  // namespace

TEST_CASE("a child whose stderr holds an ASan, LeakSanitizer or UBSan report fails, even with exit 1",
          "[process]") {
  CHECK_THROWS_AS(shell("echo '==7==ERROR: AddressSanitizer: stack-overflow on address 0x1' >&2; exit 1"),
                  SanitizerReport);
  CHECK_THROWS_AS(shell("echo '==7==ERROR: LeakSanitizer: detected memory leaks' >&2; exit 0"),
                  SanitizerReport);
  CHECK_THROWS_AS(shell("echo 'a.cpp:3:9: runtime error: signed integer overflow' >&2; exit 2"),
                  SanitizerReport);
  CHECK_THROWS_WITH(
      shell("echo 'error: x' >&2; echo '==7==ERROR: AddressSanitizer: heap-buffer-overflow' >&2"),
      Catch::Contains("/bin/sh exited 0 with a sanitizer report:\n==7==ERROR: AddressSanitizer: "
                      "heap-buffer-overflow"));
}

TEST_CASE("a child that exits with the sanitizers' exit code fails, even without a report on stderr",
          "[process]") {
  CHECK_THROWS_AS(shell("exit " + std::to_string(DOSSIER_SANITIZER_EXIT_CODE)), SanitizerReport);
}

TEST_CASE("ordinary errors and exit codes pass through the runner", "[process]") {
  const ProcessResult result = shell("echo 'error: a runtime error of ours' >&2; exit 2");
  CHECK(result.exit_code == 2);
  CHECK(result.err == "error: a runtime error of ours\n");
  CHECK_FALSE(sanitizer_report("error: index locked\nERROR: something else\n"));
  CHECK(sanitizer_report("x\nf.cpp:1:2: runtime error: load of misaligned address\nstack\n") ==
        "f.cpp:1:2: runtime error: load of misaligned address\nstack\n");
}
