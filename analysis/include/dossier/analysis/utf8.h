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

}  // namespace dossier::analysis
