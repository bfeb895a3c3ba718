#include "unicode_spaces.h"

#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <stdexcept>

namespace dossier::testing {

std::vector<SpaceCharacter> word_separating_spaces() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeSet spaces(icu::UnicodeString(u"[[:Zs:]\\u200B]"), status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot build [:Zs:]: ") + u_errorName(status));
  std::vector<SpaceCharacter> out;
  for (int32_t i = 0; i < spaces.size(); ++i) {
    const UChar32 c = spaces.charAt(i);
    SpaceCharacter space;
    space.code_point = static_cast<char32_t>(c);
    icu::UnicodeString(c).toUTF8String(space.utf8);
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
    space.name = name;
    out.push_back(std::move(space));
  }
  return out;
}

}  // namespace dossier::testing
