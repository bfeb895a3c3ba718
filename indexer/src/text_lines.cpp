#include "dossier/indexer/text_lines.h"

#include "dossier/analysis/utf8.h"

namespace dossier::indexer {

std::string_view trim(std::string_view text) noexcept {
  while (const std::size_t space = analysis::white_space_length(text, 0))
    text.remove_prefix(space);
  while (const std::size_t space = analysis::white_space_length_before(text, text.size()))
    text.remove_suffix(space);
  return text;
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
