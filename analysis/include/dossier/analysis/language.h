/// \file
/// Document languages: detection (CLD2) and display names (CLDR through ICU).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dossier::analysis {

/// The main language of `text` (UTF-8) as an ISO 639-1 code ("en", "no", "zh"), from CLD2 on the
/// first 64 KiB; `std::nullopt` when the text has fewer than 30 letters or CLD2 is not confident.
/// Never throws.
std::optional<std::string> detect_language(std::string_view text);

/// `code` ("en-GB", "NO", "zh-Hant") reduced to its lower-case ISO 639 language part ("en", "no",
/// "zh"); "" when it is not a plausible language code.
std::string language_code(std::string_view code);

/// The English name of a language code ("no" -> "Norwegian"), from CLDR; the code itself when ICU
/// has no name for it.
std::string language_name(std::string_view code);

}  // namespace dossier::analysis
