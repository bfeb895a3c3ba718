#include "dossier/indexer/text_lines.h"

namespace dossier::indexer {

std::string_view trim(std::string_view text) noexcept {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

TextLines::iterator::iterator(std::string_view rest, bool at_end) noexcept : rest_(rest), at_end_(at_end) {
  if (!at_end_) read_line();
}

void TextLines::iterator::read_line() noexcept {
  const std::size_t stop = rest_.find_first_of("\r\n");
  if (stop == std::string_view::npos) {
    line_ = rest_;
    rest_ = rest_.substr(rest_.size());
    return;
  }
  line_ = rest_.substr(0, stop);
  std::size_t next = stop + 1;
  if (rest_[stop] == '\r' && next < rest_.size() && rest_[next] == '\n') ++next;
  rest_ = rest_.substr(next);
}

TextLines::iterator& TextLines::iterator::operator++() noexcept {
  if (rest_.empty()) {
    at_end_ = true;
  } else {
    read_line();
  }
  return *this;
}

}  // namespace dossier::indexer
