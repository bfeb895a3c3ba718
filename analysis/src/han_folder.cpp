#include "han_folder.h"

#include <unicode/translit.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace dossier::analysis {

HanFolder::HanFolder() {
  UErrorCode status = U_ZERO_ERROR;
  transliterator_.reset(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !transliterator_) {
    throw std::runtime_error(std::string("ICU Traditional-Simplified transliterator: ") +
                             u_errorName(status));
  }
}

HanFolder::HanFolder(const HanFolder& other) : transliterator_(other.transliterator_->clone()) {}

HanFolder::~HanFolder() = default;

std::string HanFolder::fold(std::string_view text) const {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  transliterator_->transliterate(unicode);
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

bool has_han(std::string_view text) {
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(text.data(), i, length, c);
    UErrorCode status = U_ZERO_ERROR;
    if (c >= 0 && uscript_getScript(c, &status) == USCRIPT_HAN) return true;
  }
  return false;
}

}  // namespace dossier::analysis
