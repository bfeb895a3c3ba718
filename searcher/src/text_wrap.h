// Private to the result formatter: laying a line of terminal text out in lines of a display
// width, breaking where Unicode allows (UAX #14, ICU's line break iterator) and counting East Asian
// wide and fullwidth characters as two columns.
#pragma once

#include <unicode/uversion.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace dossier::searcher {

/// Columns `text` (UTF-8, no control characters) takes on a terminal: 2 for East Asian wide and
/// fullwidth characters, 0 for combining marks and format characters, 1 for the others.
std::size_t display_width(std::string_view text);

/// Breaks lines of text. Not thread-safe (it owns an ICU break iterator): one per formatting call.
class LineWrapper {
 public:
  /// Throws `std::runtime_error` when ICU cannot make a line break iterator.
  LineWrapper();
  ~LineWrapper();
  LineWrapper(const LineWrapper&) = delete;
  LineWrapper& operator=(const LineWrapper&) = delete;

  /// The byte ranges [begin, end) of `text` for successive lines, the first at most `first_width`
  /// columns wide, the others at most `width`: broken at the last break opportunity that fits,
  /// the spaces at a break left out of both lines; a word wider than a line is cut between
  /// characters. One range for text that fits; none for empty text.
  std::vector<std::pair<std::size_t, std::size_t>> lines(std::string_view text, std::size_t first_width,
                                                         std::size_t width);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace dossier::searcher
