#include "ordered_pipeline.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace dossier::indexer {
namespace {

// Items take uneven time, so that workers finish out of order.
void uneven_work(std::size_t i) {
  if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
}

}  // namespace

TEST_CASE("the ordered pipeline consumes every result once, in order, with at most a window waiting",
          "[indexer][pipeline]") {
  for (const std::size_t workers : {2, 3, 4}) {
    for (const std::size_t window : {1, 2, 3, 8}) {
      CAPTURE(workers, window);
      constexpr std::size_t kCount = 2000;
      std::atomic<std::size_t> produced{0};
      std::size_t consumed = 0;
      std::size_t most_waiting = 0;
      std::vector<std::size_t> order;
      run_ordered_pipeline<std::size_t>(
          kCount, workers, window,
          [&](std::size_t i) {
            uneven_work(i);
            ++produced;
            return i * 3;
          },
          [&](std::size_t i, std::size_t&& result) {
            most_waiting = std::max(most_waiting, produced.load() - consumed);
            REQUIRE(result == i * 3);
            order.push_back(i);
            ++consumed;
          });
      REQUIRE(order.size() == kCount);
      for (std::size_t i = 0; i < kCount; ++i)
        REQUIRE(order[i] == i);
      // Produced but not yet consumed: the window, plus the item being consumed (the pipeline
      // frees its slot before calling the consumer).
      REQUIRE(most_waiting <= window + 1);
    }
  }
}

TEST_CASE("an exception in the consumer stops the workers and reaches the caller", "[indexer][pipeline]") {
  std::atomic<std::size_t> produced{0};
  const auto run = [&] {
    run_ordered_pipeline<std::size_t>(
        100000, 2, 4,
        [&](std::size_t i) {
          ++produced;
          return i;
        },
        [](std::size_t i, std::size_t&&) {
          if (i == 50) throw std::runtime_error("disk full");
        });
  };
  REQUIRE_THROWS_WITH(run(), "disk full");
  REQUIRE(produced.load() < 100);
}

TEST_CASE("one worker runs everything on the calling thread", "[indexer][pipeline]") {
  const auto caller = std::this_thread::get_id();
  std::size_t elsewhere = 0;
  run_ordered_pipeline<int>(
      50, 1, 4,
      [&](std::size_t) {
        if (std::this_thread::get_id() != caller) ++elsewhere;
        return 0;
      },
      [](std::size_t, int&&) {});
  REQUIRE(elsewhere == 0);
}

}  // namespace dossier::indexer
