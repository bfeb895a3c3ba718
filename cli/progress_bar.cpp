#include "progress_bar.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace dossier::cli {
namespace {

constexpr std::chrono::milliseconds kRedrawInterval(100);
constexpr std::size_t kBarCells = 20;

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

std::size_t terminal_width(std::FILE* stream) {
  winsize size{};
  if (::ioctl(::fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace

std::string format_progress(const indexer::IndexProgress& progress, std::chrono::duration<double> elapsed,
                            std::size_t width) {
  const double fraction =
      progress.bytes_total > 0   ? static_cast<double>(progress.bytes_done) / progress.bytes_total
      : progress.files_total > 0 ? static_cast<double>(progress.files_done) / progress.files_total
                                 : 1.0;
  const auto filled = static_cast<std::size_t>(std::clamp(fraction, 0.0, 1.0) * kBarCells);
  const double seconds = std::max(elapsed.count(), 1e-3);
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "[%s%s] %zu/%zu files  %.1f files/s  %.1f MB/s",
                std::string(filled, '#').c_str(), std::string(kBarCells - filled, ' ').c_str(),
                progress.files_done, progress.files_total, progress.files_done / seconds,
                progress.bytes_done / seconds / 1e6);
  std::string line = buffer;
  // Time left from the byte rate: large files dominate indexing time, not the file count.
  if (fraction > 0.0 && fraction < 1.0)
    line += "  ETA " + format_duration(seconds * (1.0 - fraction) / fraction);
  if (line.size() >= width) line.resize(width > 0 ? width - 1 : 0);
  return line;
}

ProgressBar::ProgressBar(std::FILE* stream, bool enabled)
    : stream_(stream), enabled_(enabled), started_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  clear();
}

void ProgressBar::update(const indexer::IndexProgress& progress) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const bool last = progress.files_done == progress.files_total;
  if (drawn_ && !last && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  const std::string line = format_progress(progress, now - started_, terminal_width(stream_));
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
