/// \file
/// What an extractor gives back: the text to index and the metadata found in the file.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "dossier/analysis/document_date.h"

namespace dossier::indexer {

/// The readable content of one file and the metadata the file itself declares. Every string is
/// valid UTF-8; metadata fields are empty (or unset) when the file does not say.
struct ExtractedDocument {
  std::string text;                            ///< markup removed; pages separated by "\f" (form feed)
  std::string title;                           ///< one line
  std::string author;                          ///< one line; several authors joined with ", "
  std::optional<analysis::DocumentDate> date;  ///< publication or creation date, at its precision
  std::string description;                     ///< summary or subject, one line
  std::vector<std::string> keywords;           ///< tags or keywords, as given
  std::string canonical_url;                   ///< HTML <link rel=canonical> or og:url
  std::string language;                        ///< ISO 639-1 code the file declares ("fr"), else empty
  /// Byte offsets in `text` where page 2, 3, ... begin (page 1 begins at 0). Empty for formats
  /// without pages.
  std::vector<std::size_t> page_starts;
};

/// A file whose bytes cannot be turned into text; the message is the reason shown to the user.
class ExtractionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What one file's extraction may spend. Formats whose cost is linear in their size (text,
/// Markdown, HTML, DOCX, ODT: bounded by `--max-size` and the zip limits) need none; a PDF's cost
/// is poppler's, which crafted files can make very large, so it is checked between pages.
struct ExtractionLimits {
  /// Past this moment a PDF stops at its next page and fails ("took longer than ..."); the
  /// default, the far future, never stops one.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  /// How long `deadline` was set for, to name it in the message.
  std::chrono::milliseconds budget{0};
  /// A PDF whose text grows past this many bytes fails ("more than ... of text").
  std::size_t max_text_bytes = std::size_t{256} << 20;
};

}  // namespace dossier::indexer
