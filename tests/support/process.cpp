#include "process.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>

extern char** environ;

namespace dossier::testing {
namespace {

std::vector<std::string> build_environment(
    const std::map<std::string, std::optional<std::string>>& overrides) {
  std::map<std::string, std::string> variables;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string text(*entry);
    const std::size_t equals = text.find('=');
    if (equals != std::string::npos) variables[text.substr(0, equals)] = text.substr(equals + 1);
  }
  for (const auto& [name, value] : overrides) {
    if (value) {
      variables[name] = *value;
    } else {
      variables.erase(name);
    }
  }
  std::vector<std::string> result;
  for (const auto& [name, value] : variables)
    result.push_back(name + "=" + value);
  return result;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> result;
  for (std::string& s : strings)
    result.push_back(s.data());
  result.push_back(nullptr);
  return result;
}

#ifndef DOSSIER_SANITIZER_EXIT_CODE
#error "DOSSIER_SANITIZER_EXIT_CODE comes from tests/sanitizer/test_environment.cmake"
#endif
constexpr int kSanitizerExitCode = DOSSIER_SANITIZER_EXIT_CODE;

// What each sanitizer prints first: ASan and LeakSanitizer "==PID==ERROR: AddressSanitizer: ..."
// (or "LeakSanitizer"), UBSan "FILE:LINE:COLUMN: runtime error: ...".
constexpr std::array<std::string_view, 3> kReportMarkers{"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                                                         ": runtime error: "};
constexpr std::size_t kReportExcerpt = 4096;

// Milliseconds poll() may wait before `deadline` (-1: no deadline), or 0 when it has passed.
int poll_timeout(std::optional<std::chrono::steady_clock::time_point> deadline) {
  if (!deadline) return -1;
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
  return left.count() <= 0 ? 0 : static_cast<int>(std::min<long long>(left.count(), 60'000));
}

// Where the watchdog fires; nullopt when the spec asks for none.
std::optional<std::chrono::steady_clock::time_point> deadline_of(const ProcessSpec& spec) {
  if (spec.timeout.count() <= 0) return std::nullopt;
  return std::chrono::steady_clock::now() + spec.timeout;
}

// Feeds stdin and drains stdout/stderr together so that no pipe fills up and blocks the child.
// Past `deadline`, kills `pid` (its pipes then close and the loop ends).
void pump(pid_t pid, std::optional<std::chrono::steady_clock::time_point> deadline, int in_fd,
          const std::string& input, int out_fd, int err_fd, ProcessResult& result) {
  std::size_t written = 0;
  std::array<pollfd, 3> fds{{{in_fd, POLLOUT, 0}, {out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}}};
  if (input.empty()) {
    ::close(in_fd);
    fds[0].fd = -1;
  }
  char buffer[65536];
  while (fds[1].fd >= 0 || fds[2].fd >= 0) {
    const int ready = ::poll(fds.data(), fds.size(), poll_timeout(deadline));
    if (ready < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("poll failed");
    }
    if (ready == 0 && deadline && std::chrono::steady_clock::now() >= *deadline) {
      if (!result.timed_out) ::kill(pid, SIGKILL);
      result.timed_out = true;
      deadline.reset();  // wait for the pipes to close now
      continue;
    }
    if (fds[0].fd >= 0 && (fds[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t n = ::write(in_fd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 || written == input.size()) {
        ::close(in_fd);
        fds[0].fd = -1;
      }
    }
    for (int k = 1; k <= 2; ++k) {
      if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = ::read(fds[k].fd, buffer, sizeof buffer);
      if (n > 0) {
        (k == 1 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[k].fd);
        fds[k].fd = -1;
      }
    }
  }
}

// A pipe, or a pseudo-terminal whose slave side the child writes to: {read end, write end}.
void open_output(bool terminal, int (&fds)[2]) {
  if (!terminal) {
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    return;
  }
  termios settings{};
  ::cfmakeraw(&settings);  // no "\n" -> "\r\n" translation: the test sees the bytes written
  if (::openpty(&fds[0], &fds[1], nullptr, &settings, nullptr) != 0)
    throw std::runtime_error("openpty failed");
  ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  ::fcntl(fds[1], F_SETFD, FD_CLOEXEC);
}

// Throws SanitizerReport when `result` is a sanitizer's doing, whatever exit code the test expects.
void check_sanitizers(const ProcessSpec& spec, const ProcessResult& result) {
  const std::optional<std::string> report = sanitizer_report(result.err);
  if (!report && result.exit_code != kSanitizerExitCode) return;
  throw SanitizerReport(spec.argv.front() + " exited " + std::to_string(result.exit_code) +
                        " with a sanitizer report:\n" +
                        report.value_or("(none on stderr; exit code " + std::to_string(kSanitizerExitCode) +
                                        " is the sanitizers')"));
}

}  // namespace

std::optional<std::string> sanitizer_report(const std::string& err) {
  std::size_t first = std::string::npos;
  for (const std::string_view marker : kReportMarkers)
    first = std::min(first, err.find(marker));
  if (first == std::string::npos) return std::nullopt;
  const std::size_t line_start = err.rfind('\n', first);
  return err.substr(line_start == std::string::npos ? 0 : line_start + 1, kReportExcerpt);
}

ProcessResult run_process(const ProcessSpec& spec) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  open_output(spec.stdout_is_terminal, out_pipe);
  open_output(spec.stderr_is_terminal, err_pipe);
  std::vector<std::string> args = spec.argv;
  std::vector<std::string> env = build_environment(spec.env);
  std::vector<char*> argv = pointers(args);
  std::vector<char*> envp = pointers(env);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    if (spec.working_directory && ::chdir(spec.working_directory->c_str()) != 0) ::_exit(127);
    if (spec.user_id &&
        (::setgroups(0, nullptr) != 0 || ::setgid(*spec.user_id) != 0 || ::setuid(*spec.user_id) != 0)) {
      ::_exit(127);
    }
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  // A child that exits without reading stdin must not kill the test with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  ProcessResult result;
  pump(pid, deadline_of(spec), in_pipe[1], spec.input, out_pipe[0], err_pipe[0], result);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  check_sanitizers(spec, result);
  return result;
}

}  // namespace dossier::testing
