/// \file
/// The characters that must separate words, taken from ICU's own Unicode data (not typed by hand),
/// for tests that check each of them.
#pragma once

#include <string>
#include <vector>

namespace dossier::testing {

/// One white-space character: its code point and its UTF-8 bytes.
struct SpaceCharacter {
  char32_t code_point = 0;
  std::string utf8;
  std::string name;  ///< "U+202F", for test messages
};

/// Every code point of Unicode category Zs (space separators), as ICU's data lists them, then
/// U+200B ZERO WIDTH SPACE. Throws `std::runtime_error` if ICU cannot build the set.
std::vector<SpaceCharacter> word_separating_spaces();

}  // namespace dossier::testing
