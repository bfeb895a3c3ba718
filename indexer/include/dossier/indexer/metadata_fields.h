/// \file
/// Small normalisations shared by the extractors' metadata: one-line strings, keyword lists and
/// language codes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::indexer {

/// `text` as one line of valid UTF-8: ill-formed bytes become U+FFFD, runs of white space (line
/// breaks and tabs included) become one space, ends are trimmed, and the result is cut to at most
/// `max_bytes` bytes on a character boundary.
std::string one_line(std::string_view text, std::size_t max_bytes = 4096);

/// Splits a keyword list on any of `separators` (e.g. ",", ",;"); each keyword becomes `one_line`,
/// empty ones are dropped, order is kept (duplicates too: they are as given).
std::vector<std::string> split_keywords(std::string_view text, std::string_view separators = ",");

/// The ISO 639-1 code of a language tag: "en-GB" -> "en", "FR_fr" -> "fr", " de " -> "de". Empty when
/// the tag does not start with a two-letter code ("eng", "x-klingon", "").
std::string language_code(std::string_view tag);

}  // namespace dossier::indexer
