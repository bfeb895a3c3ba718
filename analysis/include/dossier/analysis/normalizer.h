/// \file
/// Folds a token to its index form: NFKC case folding, diacritics removed, apostrophes unified.
#pragma once

#include <unicode/uversion.h>

#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace dossier::analysis {

/// Folds tokens so that every spelling a reader would call "the same word" gives the same term:
/// "Sécurité", "SECURITE" and "securite" all give "securite"; full-width and compatibility forms
/// become their plain forms (NFKC); "ß" becomes "ss". Diacritics are removed from Latin and Greek
/// letters only: Cyrillic "й" and Japanese voiced kana keep their marks, which change the letter.
/// Typographic apostrophes (U+2019, U+02BC, U+2018) become "'".
///
/// Thread-safe: it only borrows ICU's immutable normalizer singletons.
class Normalizer {
 public:
  /// Throws `std::runtime_error` when ICU's normalization data cannot be loaded.
  Normalizer();

  /// Returns the folded form of `token` (valid UTF-8). An all-ASCII token takes a fast path.
  std::string fold(std::string_view token) const;

 private:
  const icu::Normalizer2* nfkc_casefold_ = nullptr;  // borrowed ICU singleton, never deleted
  const icu::Normalizer2* nfd_ = nullptr;            // borrowed
  const icu::Normalizer2* nfc_ = nullptr;            // borrowed
};

}  // namespace dossier::analysis
