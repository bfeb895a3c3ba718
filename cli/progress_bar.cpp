#include "progress_bar.h"

#include <algorithm>
#include <cmath>

#include "environment.h"

namespace dossier::cli {
namespace {

constexpr std::chrono::milliseconds kRedrawInterval(100);
constexpr std::size_t kBarCells = 20;
// Rates over less time than this are noise.
constexpr std::chrono::duration<double> kMinimumTimed(0.5);

std::string format_duration(double seconds) {
  const auto total = static_cast<long long>(std::llround(seconds));
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", total / 60, total % 60);
  }
  return buffer;
}

}  // namespace

std::string format_progress(const indexer::IndexProgress& progress, const indexer::IndexProgress& timed,
                            std::chrono::duration<double> elapsed, std::size_t width) {
  const double fraction =
      progress.bytes_total > 0   ? static_cast<double>(progress.bytes_done) / progress.bytes_total
      : progress.files_total > 0 ? static_cast<double>(progress.files_done) / progress.files_total
                                 : 1.0;
  const auto filled = static_cast<std::size_t>(std::clamp(fraction, 0.0, 1.0) * kBarCells);
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "[%s%s] %zu/%zu files", std::string(filled, '#').c_str(),
                std::string(kBarCells - filled, ' ').c_str(), progress.files_done, progress.files_total);
  std::string line = buffer;
  const double seconds = elapsed.count();
  if (seconds >= kMinimumTimed.count() && timed.files_done > 0) {
    const double bytes_per_second = timed.bytes_done / seconds;
    std::snprintf(buffer, sizeof buffer, "  %.1f files/s  %.1f MB/s", timed.files_done / seconds,
                  bytes_per_second / 1e6);
    line += buffer;
    // Time left from the byte rate: large files dominate indexing time, not the file count.
    const std::uint64_t bytes_left = progress.bytes_total - progress.bytes_done;
    if (bytes_left > 0 && bytes_per_second > 0)
      line += "  ETA " + format_duration(bytes_left / bytes_per_second);
  }
  if (line.size() >= width) line.resize(width > 0 ? width - 1 : 0);
  return line;
}

ProgressBar::ProgressBar(std::FILE* stream, bool enabled) : stream_(stream), enabled_(enabled) {}

ProgressBar::~ProgressBar() {
  clear();
}

void ProgressBar::update(const indexer::IndexProgress& progress) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!started_) {
    // Rates count from the first file read: loading the gazetteer and the walk come before it.
    started_ = now;
    first_ = progress;
  }
  const bool last = progress.files_done == progress.files_total;
  if (drawn_ && !last && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  indexer::IndexProgress since_first = progress;
  since_first.files_done -= first_.files_done;
  since_first.bytes_done -= first_.bytes_done;
  const std::string line = format_progress(progress, since_first, now - *started_, terminal_width(stream_));
  std::fprintf(stream_, "\r\033[K%s", line.c_str());
  std::fflush(stream_);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  std::fprintf(stream_, "\r\033[K");
  std::fflush(stream_);
  drawn_ = false;
}

}  // namespace dossier::cli
