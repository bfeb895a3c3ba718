/// \file
/// Metadata written in a document's own opening lines: bylines ("Written by Britt Verregghen") and
/// dates ("March 2024"), for files whose format declares none.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "dossier/analysis/document_date.h"

namespace dossier::indexer {

/// How many non-empty lines at the start of a text are searched for a byline and a date.
inline constexpr std::size_t kMetadataLines = 10;

/// Lines longer than this (in bytes) are body paragraphs: their dates are about events, not about
/// the document, so they are not searched for a date (unless they hold a byline).
inline constexpr std::size_t kDateLineBytes = 120;

/// What the opening lines of a text say about it.
struct TextMetadata {
  std::string author;                          ///< names joined with ", "; empty when none
  std::optional<analysis::DocumentDate> date;  ///< at the precision written ("March 2024" is a month)
};

/// Looks in the first `kMetadataLines` non-empty lines of `text` for the first byline (see
/// `find_byline`) and the first date (see `find_date`) in a byline or in a line of at most
/// `kDateLineBytes` bytes. Either may be missing. `language` is the document's declared language
/// (ISO 639-1, "" when it declares none); without one, the text's language is detected when a
/// line opens with a byline word only some languages use ("Von", "Par", "Av"). Never throws
/// except `std::bad_alloc`.
TextMetadata find_text_metadata(std::string_view text, std::string_view language = "");

/// The author names of a byline line, in English, German, French, Norwegian, Danish, Swedish,
/// Dutch, Russian, Ukrainian, Spanish, Portuguese, Catalan, Italian, Romanian, Finnish,
/// Hungarian, Lithuanian, Turkish, Indonesian or Irish: "Written by X", "By X", "Posted by X",
/// "Author: X", "Authors: X, Y and Z" (also "&"), "Verfasst von X", "Rédigé par X", "Auteur : X",
/// "Skrevet av X", "Geschreven door X", "Автор: X", "Escrito por X", "Scritto da X"...; a
/// one-word opening other than "By" ("Von X", "Par X", "Av X", "Door X", "Por X", "Di X") only
/// when `language` is its language (see `byline_body`). Whatever follows the names is ignored
/// ("By Mark Arena, CEO of Intel 471." gives "Mark Arena"; "Written by X - March 2024" and
/// "Rédigé par X le 6 février 2024" give "X"). Several names are joined with ", ". A name is 2 to
/// 6 words, each capitalised (any script with case), an initial ("J.") or a particle ("van", "de",
/// "bin"...), with no digits: so "By contrast, ..." and "by the way" are not bylines, and neither
/// is a single word ("By Reuters"). Returns nullopt when `line` is not a byline.
std::optional<std::string> find_byline(std::string_view line, std::string_view language = "");

/// True when `line` is nothing but a byline and/or a date: a byline (with whatever follows it), or
/// a date with only punctuation and words such as "Published", "Updated", "on" around it. Such a line
/// is not a good title.
bool is_byline_or_date_line(std::string_view line);

}  // namespace dossier::indexer
