/// \file
/// Line iteration and trimming over text, shared by the extractors.
#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>

namespace dossier::indexer {

/// `text` without leading and trailing white space (ASCII, and every character
/// `analysis::is_white_space` names: U+00A0, U+202F, U+3000...).
std::string_view trim(std::string_view text) noexcept;

/// Iterates the lines of a text; "\n", "\r\n" and "\r" all end a line, and no line includes them.
/// A text that ends with a line break has no empty last line.
class TextLines {
 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string_view*;
    using reference = const std::string_view&;

    iterator() = default;
    iterator(std::string_view rest, bool at_end) noexcept;
    reference operator*() const noexcept { return line_; }
    iterator& operator++() noexcept;
    bool operator==(const iterator& other) const noexcept {
      return at_end_ == other.at_end_ && (at_end_ || rest_.data() == other.rest_.data());
    }

   private:
    void read_line() noexcept;
    std::string_view rest_;
    std::string_view line_;
    bool at_end_ = true;
  };

  explicit TextLines(std::string_view text) noexcept : text_(text) {}
  iterator begin() const noexcept { return iterator(text_, text_.empty()); }
  iterator end() const noexcept { return iterator({}, true); }

 private:
  std::string_view text_;
};

}  // namespace dossier::indexer
