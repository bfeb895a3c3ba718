/// \file
/// The threads that search: a fixed number of workers, each with its own `Searcher`, behind a
/// bounded queue. A request that finds the queue full is refused at once (HTTP 503) rather than
/// left waiting behind work the machine cannot do in time.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <vector>

#include "dossier/searcher/searcher.h"

namespace dossier::server {

/// Every worker is busy and the queue is full: try again shortly (HTTP 503 with Retry-After).
class ServerBusyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How many searches run at once and how many may wait.
struct SearchPoolOptions {
  std::size_t threads = 1;          ///< workers, each with its own `Searcher` (at least 1)
  std::size_t queue_capacity = 64;  ///< jobs that may wait for a worker; one more is refused
};

/// A job for a worker: it gets that worker's `Searcher`, which sees the index's latest commit.
using SearchJob = std::function<void(searcher::Searcher&)>;

/// What a job does when every worker is busy and the queue is full.
enum class Admission {
  Refuse,       ///< throw `ServerBusyError` at once (a new request: the client may retry)
  WaitForRoom,  ///< wait for a place in the queue (the next page of a response already started)
};

/// Runs jobs on `threads` worker threads, each owning a `Searcher` over the same indexes, so at
/// most `threads` searches run at once; up to `queue_capacity` jobs wait, oldest first. Thread-safe.
/// The destructor lets queued and running jobs finish, then joins the workers.
class SearchPool {
 public:
  /// Opens one `Searcher` per worker over `databases` (shards searched as one). Throws what the
  /// `Searcher` constructor throws (`IndexNotFoundError`...) when an index cannot be opened.
  SearchPool(const std::vector<std::filesystem::path>& databases, SearchPoolOptions options);
  ~SearchPool();
  SearchPool(const SearchPool&) = delete;
  SearchPool& operator=(const SearchPool&) = delete;

  /// Queues `job` and waits for a worker to run it. Throws `ServerBusyError` (without queueing)
  /// when every worker is busy and `queue_capacity` jobs wait already; rethrows what the job
  /// throws.
  void run(const SearchJob& job, Admission admission = Admission::Refuse);

  /// Like `run`, for a job that returns a value.
  template <class Job>
  std::invoke_result_t<Job&, searcher::Searcher&> call(Job job, Admission admission = Admission::Refuse) {
    using Result = std::invoke_result_t<Job&, searcher::Searcher&>;
    std::optional<Result> result;
    run([&](searcher::Searcher& searcher) { result.emplace(job(searcher)); }, admission);
    return std::move(*result);
  }

  std::size_t threads() const noexcept { return searchers_.size(); }
  std::size_t queue_capacity() const noexcept { return options_.queue_capacity; }
  /// Jobs queued that no worker has taken yet (for tests and /api/health).
  std::size_t waiting() const;

 private:
  struct Task {
    const SearchJob* job = nullptr;
    std::promise<void> done;
  };
  void work(searcher::Searcher& searcher);

  SearchPoolOptions options_;
  std::vector<std::unique_ptr<searcher::Searcher>> searchers_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;  // a job was queued, or the pool stops
  std::condition_variable room_;  // a worker took a job: the queue has room again
  std::deque<Task*> queue_;
  std::size_t running_ = 0;  // jobs a worker has taken and not finished
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace dossier::server
