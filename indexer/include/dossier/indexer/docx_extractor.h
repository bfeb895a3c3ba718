/// \file
/// DOCX (Office Open XML word processing) extraction.
#pragma once

#include <string_view>

#include "dossier/indexer/extracted_document.h"

namespace dossier::indexer {

/// Reads a DOCX file from memory (libzip and libxml2). Text: the main document part (the one
/// `_rels/.rels` names, else `word/document.xml`), then footnotes and endnotes; each paragraph
/// (`w:p`, table cells included) is a line, `w:t` runs give the text, `w:tab` a tab, `w:br`/`w:cr`
/// a line break; deleted text, field codes, paragraph properties and the fallback copies of text
/// boxes (`mc:Fallback`) are not text. Metadata from `docProps/core.xml`: `dc:title` (else the
/// first line), `dc:creator`, `dc:description` (else `dc:subject`), `cp:keywords` (split on "," and
/// ";"), `dcterms:created` (at its precision), `dc:language` (ISO 639-1). Both transitional and
/// strict namespaces are read. Decompression is bounded (256 MiB in all, a compression ratio of 200
/// per member). Throws `ExtractionError`: "not a DOCX file (not a zip archive)", "not a DOCX file
/// (encrypted, or an old .doc file)" for an OLE compound file, "not a DOCX file (no
/// word/document.xml)", "damaged DOCX (unreadable word/document.xml)", or a zip member's reason
/// ("damaged zip member ...", "encrypted zip member ...", "zip member ... expands beyond 256 MiB",
/// "zip member ... has a suspicious compression ratio (zip bomb?)").
ExtractedDocument extract_docx(std::string_view bytes);

}  // namespace dossier::indexer
