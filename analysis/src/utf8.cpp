#include "dossier/analysis/utf8.h"

#include <unicode/utf8.h>

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

}  // namespace dossier::analysis
