#include "dossier/analysis/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace dossier::analysis {
namespace {

// Decodes one code point at `i` with ICU's strict macro; returns a negative value for an ill-formed
// sequence. `i` always advances by at least one byte, so callers make progress on any input.
UChar32 next_code_point(std::string_view bytes, int32_t& i) noexcept {
  UChar32 c = 0;
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  U8_NEXT(data, i, static_cast<int32_t>(bytes.size()), c);
  return c;
}

// ICU's macros index with int32_t; larger inputs are handled in windows that end on a boundary.
constexpr std::size_t kWindowBytes = std::size_t{1} << 30;

}  // namespace

bool is_valid_utf8(std::string_view bytes) noexcept {
  while (!bytes.empty()) {
    std::string_view window = bytes.substr(0, kWindowBytes);
    int32_t i = 0;
    const auto length = static_cast<int32_t>(window.size());
    while (i < length) {
      if (static_cast<unsigned char>(window[i]) < 0x80) {
        ++i;
        continue;
      }
      // A sequence cut by the window edge is re-read whole in the next window.
      if (window.size() == kWindowBytes && length - i < 4) break;
      if (next_code_point(window, i) < 0) return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(i));
    if (i == 0) return false;
  }
  return true;
}

std::string repair_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  while (!bytes.empty()) {
    std::string_view window = bytes.substr(0, kWindowBytes);
    int32_t i = 0;
    const auto length = static_cast<int32_t>(window.size());
    while (i < length) {
      const auto byte = static_cast<unsigned char>(window[i]);
      if (byte < 0x80) {
        out.push_back(static_cast<char>(byte));
        ++i;
        continue;
      }
      if (window.size() == kWindowBytes && length - i < 4) break;
      const int32_t start = i;
      if (next_code_point(window, i) < 0) {
        out.append(kReplacementCharacter);
      } else {
        out.append(window.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
      }
    }
    bytes.remove_prefix(static_cast<std::size_t>(i));
  }
  return out;
}

std::int32_t first_code_point(std::string_view text) noexcept {
  if (text.empty()) return -1;
  int32_t i = 0;
  return next_code_point(text, i);
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) noexcept {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  // Step back over continuation bytes (10xxxxxx) to the start of the cut sequence.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return text.substr(0, end);
}

bool is_white_space(std::int32_t code_point) noexcept {
  if (code_point < 0) return false;
  if (code_point < 0x80) return code_point == ' ' || (code_point >= '\t' && code_point <= '\r');
  // U+200B is a format character (Cf), not a separator, but it exists only to mark a word break;
  // U+0085 is a control (Cc) that some text uses as a line end.
  if (code_point == 0x200B || code_point == 0x0085) return true;
  const auto type = static_cast<UCharCategory>(u_charType(code_point));
  return type == U_SPACE_SEPARATOR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR;
}

std::size_t white_space_length(std::string_view text, std::size_t i) noexcept {
  if (i >= text.size()) return 0;
  if (static_cast<unsigned char>(text[i]) < 0x80) return is_ascii_space(text[i]) ? 1 : 0;
  // Every white-space character outside ASCII starts with 0xC2, 0xE1, 0xE2 or 0xE3: others are
  // rejected without decoding.
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead != 0xC2 && lead != 0xE1 && lead != 0xE2 && lead != 0xE3) return 0;
  auto next = static_cast<int32_t>(i);
  const std::string_view window = text.substr(0, std::min(text.size(), i + 4));
  const UChar32 c = next_code_point(window, next);
  return is_white_space(c) ? static_cast<std::size_t>(next) - i : 0;
}

std::size_t white_space_length_before(std::string_view text, std::size_t end) noexcept {
  if (end == 0 || end > text.size()) return 0;
  std::size_t start = end - 1;
  while (start > 0 && end - start < 4 && is_continuation_byte(text[start]))
    --start;
  return white_space_length(text, start) == end - start ? end - start : 0;
}

std::string collapse_white_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t length = white_space_length(text, i); length > 0) {
      space = !out.empty();
      i += length;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(text[i++]);
  }
  return out;
}

}  // namespace dossier::analysis
