/// \file
/// ODT (OpenDocument text) extraction.
#pragma once

#include <string_view>

#include "dossier/indexer/extracted_document.h"

namespace dossier::indexer {

/// Reads an ODT file from memory (libzip and libxml2). Text: `content.xml`; each paragraph or
/// heading (`text:p`, `text:h`) is a line with its white space collapsed as ODF says, `text:s` gives
/// `text:c` spaces (at most 100), `text:tab` a tab, `text:line-break` a line break; tracked
/// deletions, comments (`office:annotation`) and note numbers are not text. Metadata from
/// `meta.xml`: `dc:title` (else the first line), `meta:initial-creator` (the author; else
/// `dc:creator`, who saved it last), `meta:creation-date` (else `dc:date`), every `meta:keyword`
/// (each also split on commas), `dc:description` (else `dc:subject`), `dc:language` (ISO 639-1).
/// Decompression is bounded as for DOCX. Throws `ExtractionError`: "not an ODT file (not a zip
/// archive)", "not an ODT file (no content.xml)", "damaged ODT (unreadable content.xml)", or a zip
/// member's reason.
ExtractedDocument extract_odt(std::string_view bytes);

}  // namespace dossier::indexer
