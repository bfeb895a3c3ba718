#include "dossier/analysis/language.h"

// CLD2's public header uses FILE without including <cstdio> itself.
#include <cstdio>
// clang-format off
#include <cld2/public/compact_lang_det.h>
// clang-format on
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>

#include "dossier/analysis/utf8.h"

namespace dossier::analysis {
namespace {

// Enough text to tell a language apart; more only costs time.
constexpr std::size_t kSampleBytes = 64 * 1024;

// Below this many letters CLD2 still answers, and calls "Botnet takedown." reliable Norwegian.
constexpr std::size_t kMinLetters = 30;

std::size_t letters_in(std::string_view text) {
  std::size_t letters = 0;
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length && letters < kMinLetters;) {
    UChar32 c = 0;
    U8_NEXT(data, i, length, c);
    if (c >= 0 && u_isalpha(c)) ++letters;
  }
  return letters;
}

}  // namespace

std::optional<std::string> detect_language(std::string_view text) {
  std::string_view sample = utf8_prefix(text, kSampleBytes);
  if (letters_in(sample) < kMinLetters) return std::nullopt;
  // CLD2 trusts its input to be valid UTF-8 and reads past the buffer on a bad lead byte (the
  // entity_tagger fuzz target crashed it with "\xF6\x8A\xA5"): give it repaired text.
  std::string repaired;
  if (!is_valid_utf8(sample)) {
    repaired = repair_utf8(sample);
    sample = repaired;
  }
  bool reliable = false;
  const CLD2::Language language =
      CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()), true, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return std::nullopt;
  std::string code = language_code(CLD2::LanguageCode(language));
  if (code.empty()) return std::nullopt;
  return code;
}

std::string language_code(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == '_') break;
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out.size() == 2 || out.size() == 3 ? out : std::string();
}

std::string language_name(std::string_view code) {
  const std::string language(code);
  icu::UnicodeString name;
  icu::Locale(language.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? language : out;
}

}  // namespace dossier::analysis
