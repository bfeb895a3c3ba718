/// \file
/// Markdown extraction: the text a reader sees, without the markup.
#pragma once

#include <string_view>

#include "dossier/indexer/extracted_document.h"

namespace dossier::indexer {

/// Reads Markdown (CommonMark-ish, line based): heading markers, list and quote markers, emphasis,
/// inline code ticks, HTML tags and comments, link and image syntax (the visible text is kept, the
/// URL is not), link reference definitions and thematic breaks are removed; fenced code is kept
/// verbatim (it often holds indicators). A YAML front matter block is not indexed. The title is,
/// in order: the front matter `title:`, the first heading (ATX `#` or setext), the first non-empty
/// line. Ill-formed UTF-8 becomes U+FFFD. Never throws on any bytes.
ExtractedDocument extract_markdown(std::string_view bytes);

/// Removes inline Markdown markup from one line of text (exposed for tests).
std::string strip_inline_markdown(std::string_view line);

}  // namespace dossier::indexer
