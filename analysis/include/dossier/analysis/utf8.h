/// \file
/// UTF-8 validation and repair: every byte sequence becomes text the rest of the pipeline can trust.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::analysis {

/// The replacement character U+FFFD, encoded as UTF-8.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

/// True when `bytes` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes) noexcept;

/// Returns `bytes` as well-formed UTF-8: each ill-formed sequence (truncated, overlong, an encoded
/// surrogate, above U+10FFFF, a stray continuation byte) becomes one U+FFFD. Valid input comes back
/// unchanged; NUL bytes are kept (they are valid UTF-8). Never throws except `std::bad_alloc`.
std::string repair_utf8(std::string_view bytes);

/// The first code point of `text`, or -1 when `text` is empty; a negative value when it starts with
/// an ill-formed sequence.
std::int32_t first_code_point(std::string_view text) noexcept;

/// Returns the longest prefix of `text` that is at most `max_bytes` long and does not end inside a
/// UTF-8 sequence. `text` is assumed to be valid UTF-8.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) noexcept;

/// True for the six ASCII white-space bytes (space, tab, LF, CR, FF, VT): `isspace` in the "C"
/// locale without its locale lookup. Never true for a byte of a multi-byte character.
constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// True for a code point that separates words: every Unicode space separator (general category Zs:
/// U+0020, U+00A0 no-break space, U+1680, U+2000..U+200A, U+202F narrow no-break space, U+205F,
/// U+3000 ideographic space), the line and paragraph separators U+2028 and U+2029, U+0085 (NEL),
/// U+200B zero width space, and the ASCII white-space controls (tab, LF, VT, FF, CR).
bool is_white_space(std::int32_t code_point) noexcept;

/// The length in bytes of the white-space character (see `is_white_space`) that starts at byte `i`
/// of `text`; 0 when there is none there, `i` is past the end, or the bytes are ill-formed.
std::size_t white_space_length(std::string_view text, std::size_t i) noexcept;

/// The length in bytes of the white-space character that ends just before byte `end` of `text`; 0
/// when there is none.
std::size_t white_space_length_before(std::string_view text, std::size_t end) noexcept;

/// `text` with every run of white space (`is_white_space`) replaced by one ASCII space and none
/// at either end: what a reader of one line sees. `text` should be valid UTF-8.
std::string collapse_white_space(std::string_view text);

/// True for a UTF-8 continuation byte (10xxxxxx), which never starts a character.
constexpr bool is_continuation_byte(char c) noexcept {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace dossier::analysis
