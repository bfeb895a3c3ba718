// Holds search-pool jobs until a test lets them go, so a test can fill the pool's workers and
// queue without timing anything.
#pragma once

#include <condition_variable>
#include <mutex>

namespace dossier::testing {

class JobGate {
 public:
  /// Called by a job: waits until `release`.
  void hold() {
    std::unique_lock lock(mutex_);
    ++held_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return released_; });
  }

  /// Waits until `jobs` jobs are held.
  void wait_until_held(int jobs = 1) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return held_ >= jobs; });
  }

  void release() {
    std::lock_guard lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int held_ = 0;
  bool released_ = false;
};

}  // namespace dossier::testing
