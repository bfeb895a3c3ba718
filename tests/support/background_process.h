/// \file
/// A program left running while a test talks to it (`dossier serve`): its first output line is
/// read, its stderr collected, and it is stopped with a signal.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace dossier::testing {

/// A child process with stdout and stderr on pipes; stderr is drained by a thread so that the
/// child never blocks on it. The destructor kills the child (SIGKILL) if it still runs.
class BackgroundProcess {
 public:
  /// Starts `argv` (program path first). Throws `std::runtime_error` when it cannot be started.
  explicit BackgroundProcess(const std::vector<std::string>& argv);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  /// The next line of stdout (without its newline), or none when stdout closed or `timeout` passed.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout);

  /// Sends `signal`.
  void send(int signal);

  /// Waits up to `timeout` for the child to end: its exit status, -1 when a signal killed it, none
  /// when it still runs. Throws `SanitizerReport` (process.h) when it ended with the sanitizers'
  /// exit code or its stderr holds a sanitizer report.
  std::optional<int> wait(std::chrono::milliseconds timeout);

  /// Everything written to stderr so far.
  std::string err() const;

  pid_t pid() const noexcept { return pid_; }

 private:
  void check_sanitizers();

  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string out_buffer_;
  std::optional<int> status_;
  mutable std::mutex err_mutex_;
  std::string err_;
  std::thread err_reader_;
};

}  // namespace dossier::testing
