#include "dossier/server/search_pool.h"

#include <algorithm>

namespace dossier::server {

SearchPool::SearchPool(const std::vector<std::filesystem::path>& databases, SearchPoolOptions options)
    : options_(options) {
  const std::size_t threads = std::max<std::size_t>(1, options.threads);
  // Opened here, on the caller's thread, so that a missing index is an error at start-up.
  for (std::size_t i = 0; i < threads; ++i)
    searchers_.push_back(std::make_unique<searcher::Searcher>(databases));
  for (auto& searcher : searchers_)
    workers_.emplace_back([this, &searcher] { work(*searcher); });
}

SearchPool::~SearchPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& worker : workers_)
    worker.join();
}

void SearchPool::run(const SearchJob& job, Admission admission) {
  Task task;
  task.job = &job;
  std::future<void> done = task.done.get_future();
  {
    std::unique_lock lock(mutex_);
    // Jobs in flight beyond the workers are the ones that wait.
    const auto full = [this] {
      return queue_.size() + running_ >= searchers_.size() + options_.queue_capacity;
    };
    if (admission == Admission::WaitForRoom) room_.wait(lock, [&] { return !full(); });
    if (full()) {
      throw ServerBusyError("every search thread is busy and " + std::to_string(queue_.size()) +
                            " requests are waiting; try again shortly");
    }
    queue_.push_back(&task);
  }
  wake_.notify_one();
  // The task lives on this stack until its worker has set the promise.
  done.get();
}

std::size_t SearchPool::waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void SearchPool::work(searcher::Searcher& searcher) {
  for (;;) {
    Task* task = nullptr;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      // Queued jobs still run when stopping: their callers are waiting for them.
      if (queue_.empty()) return;
      task = queue_.front();
      queue_.pop_front();
      ++running_;
    }
    std::exception_ptr error;
    try {
      (*task->job)(searcher);
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      --running_;
    }
    room_.notify_one();
    // After this the caller may return and the task is gone.
    if (error) {
      task->done.set_exception(error);
    } else {
      task->done.set_value();
    }
  }
}

}  // namespace dossier::server
