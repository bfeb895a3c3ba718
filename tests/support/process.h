/// \file
/// Runs a program and captures its exit code, standard output and standard error.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::testing {

/// How a process ended.
struct ProcessResult {
  int exit_code = -1;      ///< exit status, or -1 when killed by a signal
  int signal = 0;          ///< the signal that killed it, or 0
  std::string out;         ///< everything written to stdout
  std::string err;         ///< everything written to stderr
  bool timed_out = false;  ///< the process outlived `ProcessSpec::timeout` and was killed (SIGKILL)
};

/// What to run.
struct ProcessSpec {
  std::vector<std::string> argv;                          ///< program path and arguments
  std::map<std::string, std::optional<std::string>> env;  ///< overrides; nullopt unsets a variable
  std::string input;                                      ///< written to stdin, then closed
  std::optional<std::string> working_directory;
  bool stdout_is_terminal = false;  ///< give the child a pseudo-terminal as stdout (to test colour)
  bool stderr_is_terminal = false;  ///< give the child a pseudo-terminal as stderr (to test progress)
  /// A watchdog: past this much wall time the child is killed with SIGKILL and the result says
  /// `timed_out`. Zero waits for ever.
  std::chrono::milliseconds timeout{0};
  /// Run the child as this user id (and the group id of the same number), e.g. to see a folder as
  /// read-only when the tests run as root, who may write anywhere. Needs root; unset keeps ours.
  std::optional<unsigned> user_id;
};

/// Runs `spec` to completion. stdout and stderr are pipes unless `spec` asks for a
/// pseudo-terminal. A child still running after `spec.timeout` is killed, so a hanging program
/// fails its test instead of hanging it. Throws `std::runtime_error` when the process cannot be
/// started, and `SanitizerReport` when it exits with the sanitizers' exit code or its stderr holds
/// a sanitizer report: no test can accept that as an ordinary exit code (see
/// tests/sanitizer/test_environment.cmake).
ProcessResult run_process(const ProcessSpec& spec);

/// A child process that a sanitizer (ASan, LeakSanitizer, UBSan) stopped or reported on; `what()`
/// names the program and holds the report.
class SanitizerReport : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The start of the first sanitizer report in `err` (the lines from its "ERROR: ...Sanitizer" or
/// "runtime error:" line on, at most ~4 KB), or nullopt when there is none.
std::optional<std::string> sanitizer_report(const std::string& err);

}  // namespace dossier::testing
