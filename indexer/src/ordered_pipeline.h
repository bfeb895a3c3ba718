// Parallel work whose results are consumed in order on the calling thread: files are read,
// extracted and analysed on worker threads while the one Xapian writer consumes them.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace dossier::indexer {

/// Calls `produce(i)` for i in [0, count) on `workers` threads and `consume(i, result)` on the
/// calling thread in order of i. At most `window` results wait to be consumed, so memory stays
/// bounded whatever `count` is. `produce` must not throw; when `consume` throws, the workers stop
/// after their current item and the exception propagates. With one worker or fewer, everything
/// runs on the calling thread.
template <typename Result>
void run_ordered_pipeline(std::size_t count, std::size_t workers, std::size_t window,
                          const std::function<Result(std::size_t)>& produce,
                          const std::function<void(std::size_t, Result&&)>& consume) {
  if (workers <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i)
      consume(i, produce(i));
    return;
  }
  // The consumer (the index writer) is the bottleneck: it must not spend its time waking
  // threads. Idle workers are woken only once half the window is free, and the consumer only
  // when the result it waits for is there, so a wake-up moves a burst of items, not one.
  const std::size_t refill_at = window - std::max<std::size_t>(1, window / 2);
  std::mutex mutex;
  std::condition_variable result_ready;
  std::condition_variable slot_free;
  std::vector<std::optional<Result>> ring(window);
  std::size_t next_claim = 0;
  std::size_t consumed = 0;
  std::size_t idle_workers = 0;
  bool consumer_waiting = false;
  bool stop = false;
  const auto work = [&] {
    while (true) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        ++idle_workers;
        slot_free.wait(lock, [&] { return stop || next_claim >= count || next_claim < consumed + window; });
        --idle_workers;
        if (stop || next_claim >= count) return;
        i = next_claim++;
      }
      Result result = produce(i);
      bool wake_consumer = false;
      {
        std::lock_guard lock(mutex);
        ring[i % window] = std::move(result);
        wake_consumer = consumer_waiting && i == consumed;
      }
      if (wake_consumer) result_ready.notify_one();
    }
  };
  std::vector<std::jthread> threads;
  const auto stop_workers = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    slot_free.notify_all();
    threads.clear();  // joins
  };
  for (std::size_t w = 0; w < workers; ++w)
    threads.emplace_back(work);
  try {
    for (std::size_t i = 0; i < count; ++i) {
      std::optional<Result> result;
      bool wake_workers = false;
      {
        std::unique_lock lock(mutex);
        consumer_waiting = true;
        result_ready.wait(lock, [&] { return ring[i % window].has_value(); });
        consumer_waiting = false;
        result.swap(ring[i % window]);
        ++consumed;
        wake_workers = idle_workers > 0 && next_claim < count && next_claim - consumed <= refill_at;
      }
      if (wake_workers) slot_free.notify_all();
      consume(i, std::move(*result));
    }
  } catch (...) {
    stop_workers();
    throw;
  }
  stop_workers();
}

}  // namespace dossier::indexer
