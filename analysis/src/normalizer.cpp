#include "dossier/analysis/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <stdexcept>

namespace dossier::analysis {
namespace {

const icu::Normalizer2* checked(const icu::Normalizer2* normalizer, UErrorCode status, const char* name) {
  if (U_FAILURE(status) || normalizer == nullptr) {
    throw std::runtime_error(std::string("cannot load ICU normalizer ") + name + ": " + u_errorName(status));
  }
  return normalizer;
}

bool is_ascii(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// U+0300..U+036F, the combining diacritical marks used on Latin, Greek and Cyrillic letters.
bool is_diacritic(UChar32 c) noexcept {
  return c >= 0x0300 && c <= 0x036F;
}

bool keeps_marks(UChar32 base) noexcept {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(base, &status) == USCRIPT_CYRILLIC;
}

bool is_apostrophe(UChar32 c) noexcept {
  return c == 0x2019 || c == 0x02BC || c == 0x2018;
}

// Removes diacritics from a decomposed string, keeping those on Cyrillic bases (they make a
// different letter, e.g. "й"), and unifies apostrophes.
icu::UnicodeString strip_marks(const icu::UnicodeString& decomposed) {
  icu::UnicodeString out;
  UChar32 base = 0;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (is_diacritic(c) && !keeps_marks(base)) continue;
    if (!is_diacritic(c)) base = c;
    out.append(is_apostrophe(c) ? UChar32{'\''} : c);
  }
  return out;
}

}  // namespace

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_casefold_ = checked(icu::Normalizer2::getNFKCCasefoldInstance(status), status, "NFKC_Casefold");
  nfd_ = checked(icu::Normalizer2::getNFDInstance(status), status, "NFD");
  nfc_ = checked(icu::Normalizer2::getNFCInstance(status), status, "NFC");
}

std::string Normalizer::fold(std::string_view token) const {
  if (is_ascii(token)) {
    std::string out(token);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
  const icu::UnicodeString folded = nfkc_casefold_->normalize(source, status);
  const icu::UnicodeString decomposed = nfd_->normalize(folded, status);
  const icu::UnicodeString composed = nfc_->normalize(strip_marks(decomposed), status);
  if (U_FAILURE(status)) return std::string(token);
  std::string out;
  composed.toUTF8String(out);
  return out;
}

}  // namespace dossier::analysis
