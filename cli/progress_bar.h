/// \file
/// The live progress line of `dossier index` on a terminal: files, rate, throughput and time left.
#pragma once

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "dossier/indexer/indexer.h"

namespace dossier::cli {

/// One progress line, e.g. "[#####     ] 120/240 files  48.0 files/s  3.2 MB/s  ETA 0:03", fitted
/// to `width` columns. Rates come from `timed`, what was done in the `elapsed` time measured;
/// they are left out until half a second has been measured.
std::string format_progress(const indexer::IndexProgress& progress, const indexer::IndexProgress& timed,
                            std::chrono::duration<double> elapsed, std::size_t width);

/// Redraws one line on a terminal stream at most ten times a second and erases it when done (or
/// when a message must be printed above it). Does nothing when constructed disabled.
class ProgressBar {
 public:
  /// `stream` must be a terminal when `enabled`.
  ProgressBar(std::FILE* stream, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  /// Shows `progress` unless the line was drawn less than 100 ms ago (the last file always shows).
  void update(const indexer::IndexProgress& progress);
  /// Erases the line so that the caller can print a message; the next update draws it again.
  void clear();

 private:
  std::FILE* stream_;
  bool enabled_;
  bool drawn_ = false;
  std::optional<std::chrono::steady_clock::time_point> started_;
  indexer::IndexProgress first_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace dossier::cli
