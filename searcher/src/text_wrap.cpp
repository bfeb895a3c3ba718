#include "text_wrap.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

namespace dossier::searcher {
namespace {

std::size_t columns_of(UChar32 c) {
  const auto category = static_cast<UCharCategory>(u_charType(c));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) return 0;
  const auto east_asian = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

// The next code point of `text` at byte `at` (advanced past it); U+FFFD for a bad sequence.
UChar32 next_code_point(std::string_view text, std::size_t& at) {
  auto offset = static_cast<int32_t>(at);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), offset, static_cast<int32_t>(text.size()), c);
  at = static_cast<std::size_t>(offset);
  return c < 0 ? 0xFFFD : c;
}

bool is_space(char c) {
  return c == ' ';
}

// Where the line [begin, end) ends once the spaces at its end are left out.
std::size_t trimmed(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && is_space(text[end - 1]))
    --end;
  return end;
}

// The end of the longest run of characters from `start` (before `end`) that fits in `limit`
// columns; at least one character.
std::size_t fitting_prefix(std::string_view text, std::size_t start, std::size_t end, std::size_t limit) {
  std::size_t used = 0;
  std::size_t at = start;
  while (at < end) {
    std::size_t next = at;
    const std::size_t columns = columns_of(next_code_point(text, next));
    if (used + columns > limit && at > start) break;
    used += columns;
    at = next;
  }
  return at;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t at = 0; at < text.size();)
    width += columns_of(next_code_point(text, at));
  return width;
}

LineWrapper::LineWrapper() {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !iterator_) throw std::runtime_error("cannot create an ICU line break iterator");
}

LineWrapper::~LineWrapper() = default;

std::vector<std::pair<std::size_t, std::size_t>> LineWrapper::lines(std::string_view text,
                                                                    std::size_t first_width,
                                                                    std::size_t width) {
  // ICU works in UTF-16: each break offset is mapped back to a byte offset walking both.
  const icu::UnicodeString utf16 =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  iterator_->setText(utf16);
  std::vector<std::size_t> breaks;  // byte offsets where a line may start
  std::size_t byte = 0;
  int32_t unit = 0;
  for (int32_t next = iterator_->next(); next != icu::BreakIterator::DONE; next = iterator_->next()) {
    while (unit < next && byte < text.size()) {
      const UChar32 c = next_code_point(text, byte);
      unit += U16_LENGTH(c);
    }
    breaks.push_back(byte);
  }
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;  // of the current line
  std::size_t used = 0;   // its columns so far, the spaces after its last word included
  const auto limit = [&] { return std::max<std::size_t>(1, out.empty() ? first_width : width); };
  const auto columns = [&](std::size_t from, std::size_t to) {
    return display_width(text.substr(from, trimmed(text, from, to) - from));
  };
  std::size_t segment_start = 0;
  for (const std::size_t segment_end : breaks) {
    if (used > 0 && used + columns(segment_start, segment_end) > limit()) {
      out.emplace_back(start, trimmed(text, start, segment_start));
      start = segment_start;
    }
    // A word wider than a whole line is cut between characters (at least one per line).
    while (columns(start, segment_end) > limit()) {
      const std::size_t cut = fitting_prefix(text, start, segment_end, limit());
      out.emplace_back(start, cut);
      start = cut;
    }
    used = display_width(text.substr(start, segment_end - start));
    segment_start = segment_end;
  }
  if (start < text.size()) out.emplace_back(start, trimmed(text, start, text.size()));
  return out;
}

}  // namespace dossier::searcher
