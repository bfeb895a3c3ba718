/// \file
/// The French and Italian articles and conjunctions that elide onto the next word with an
/// apostrophe ("l'espionnage", "dell'intelligence"): one list for the analyzer's terms and the
/// tagger's name matching.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace dossier::analysis {

/// The elided words, lower case, without their apostrophe.
inline constexpr std::array<std::string_view, 17> kElisions = {
    "l",     "d",      "j",      "m",      "n",    "s",   "t",    "c",   "qu",
    "jusqu", "lorsqu", "puisqu", "quoiqu", "dell", "all", "nell", "sull"};

/// Whether `head` (lower case, the part before an apostrophe) is an elided word.
inline bool is_elision(std::string_view head) noexcept {
  return std::find(kElisions.begin(), kElisions.end(), head) != kElisions.end();
}

}  // namespace dossier::analysis
