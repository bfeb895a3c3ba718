/// \file
/// Markdown extraction: the text a reader sees, without the markup.
#pragma once

#include <string_view>

#include "dossier/indexer/extracted_document.h"

namespace dossier::indexer {

/// Reads Markdown (CommonMark-ish, line based): heading markers, list and quote markers, emphasis,
/// inline code ticks, HTML tags and comments, link and image syntax (the visible text is kept, the
/// URL is not), link reference definitions and thematic breaks are removed; fenced code is kept
/// verbatim (it often holds indicators). A YAML front matter block is not indexed; its fields become
/// metadata (`parse_front_matter`: title, authors, date, tags/keywords, description, language).
/// The title is, in order: the front matter `title:`, the first heading (ATX `#` or setext), the
/// first non-empty line that is not only a byline or a date. Bytes are decoded with
/// `decode_text_file` (legacy encodings and UTF-16 are converted). Throws `ExtractionError` for
/// binary data, and on nothing else.
ExtractedDocument extract_markdown(std::string_view bytes);

/// Removes inline Markdown markup from one line of text (exposed for tests).
std::string strip_inline_markdown(std::string_view line);

}  // namespace dossier::indexer
