/// \file
/// Runs a program and captures its exit code, standard output and standard error.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dossier::testing {

/// How a process ended.
struct ProcessResult {
  int exit_code = -1;  ///< exit status, or -1 when killed by a signal
  int signal = 0;      ///< the signal that killed it, or 0
  std::string out;     ///< everything written to stdout
  std::string err;     ///< everything written to stderr
};

/// What to run.
struct ProcessSpec {
  std::vector<std::string> argv;                          ///< program path and arguments
  std::map<std::string, std::optional<std::string>> env;  ///< overrides; nullopt unsets a variable
  std::string input;                                      ///< written to stdin, then closed
  std::optional<std::string> working_directory;
  bool stdout_is_terminal = false;  ///< give the child a pseudo-terminal as stdout (to test colour)
  bool stderr_is_terminal = false;  ///< give the child a pseudo-terminal as stderr (to test progress)
};

/// Runs `spec` to completion. stdout and stderr are pipes unless `spec` asks for a
/// pseudo-terminal. Throws
/// `std::runtime_error` when the process cannot be started.
ProcessResult run_process(const ProcessSpec& spec);

}  // namespace dossier::testing
