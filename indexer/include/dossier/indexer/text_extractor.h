/// \file
/// Plain-text extraction.
#pragma once

#include <string>
#include <string_view>

#include "dossier/indexer/extracted_document.h"

namespace dossier::indexer {

/// Longest title kept, in bytes (cut on a UTF-8 boundary).
inline constexpr std::size_t kMaxTitleBytes = 300;

/// Decodes text bytes: a UTF-8 byte order mark is dropped and ill-formed bytes become U+FFFD.
std::string decode_text(std::string_view bytes);

/// Reads plain text: a UTF-8 byte order mark is dropped, ill-formed bytes become U+FFFD, line
/// breaks are kept. The title is the first non-empty line, trimmed. Never throws on any bytes.
ExtractedDocument extract_plain_text(std::string_view bytes);

/// The first non-empty line of `text`, trimmed of surrounding white space and cut to
/// `kMaxTitleBytes`; empty when there is none.
std::string first_line_title(std::string_view text);

}  // namespace dossier::indexer
