#include "background_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

#include "process.h"

namespace dossier::testing {

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv) {
  int out[2];
  int err[2];
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args = argv;
  std::vector<char*> pointers;
  for (std::string& arg : args)
    pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    ::execv(pointers[0], pointers.data());
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(err[1]);
  out_fd_ = out[0];
  err_reader_ = std::thread([this, fd = err[0]] {
    char buffer[4096];
    for (;;) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      std::lock_guard lock(err_mutex_);
      err_.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
  });
}

BackgroundProcess::~BackgroundProcess() {
  if (!status_) {
    ::kill(pid_, SIGKILL);
    try {
      wait(std::chrono::seconds(30));
    } catch (const SanitizerReport&) {
      // A test that lets the child go unchecked has failed already or did not care how it ended.
    }
  }
  if (err_reader_.joinable()) err_reader_.join();
  if (out_fd_ >= 0) ::close(out_fd_);
}

std::optional<std::string> BackgroundProcess::read_line(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const std::size_t newline = out_buffer_.find('\n');
    if (newline != std::string::npos) {
      std::string line = out_buffer_.substr(0, newline);
      out_buffer_.erase(0, newline + 1);
      return line;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || out_fd_ < 0) return std::nullopt;
    pollfd fd{out_fd_, POLLIN, 0};
    const int ready = ::poll(&fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return std::nullopt;
    char buffer[4096];
    const ssize_t n = ::read(out_fd_, buffer, sizeof buffer);
    if (n <= 0) {
      ::close(out_fd_);
      out_fd_ = -1;
      return std::nullopt;
    }
    out_buffer_.append(buffer, static_cast<std::size_t>(n));
  }
}

void BackgroundProcess::send(int signal) {
  if (!status_) ::kill(pid_, signal);
}

std::optional<int> BackgroundProcess::wait(std::chrono::milliseconds timeout) {
  if (status_) return status_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      check_sanitizers();
      return status_;
    }
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    // A child's end is not something poll() can wait for without a signal handler: check often.
    ::usleep(10'000);
  }
}

void BackgroundProcess::check_sanitizers() {
  // The child has ended: once its stderr is drained, a report in it is complete.
  if (err_reader_.joinable()) err_reader_.join();
  const std::optional<std::string> report = sanitizer_report(err());
  if (!report && *status_ != DOSSIER_SANITIZER_EXIT_CODE) return;
  throw SanitizerReport(
      "the background child exited " + std::to_string(*status_) + " with a sanitizer report:\n" +
      report.value_or("(none on stderr; exit code " + std::to_string(DOSSIER_SANITIZER_EXIT_CODE) +
                      " is the sanitizers')"));
}

std::string BackgroundProcess::err() const {
  std::lock_guard lock(err_mutex_);
  return err_;
}

}  // namespace dossier::testing
