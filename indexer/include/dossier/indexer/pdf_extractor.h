/// \file
/// PDF extraction with poppler.
#pragma once

#include <string_view>

#include "dossier/indexer/extracted_document.h"

namespace dossier::indexer {

/// Reads a PDF from memory with poppler-cpp. Text: each page in reading order, pages joined with
/// "\f" (a form feed inside a page becomes a line break), and `page_starts` holds the byte offset
/// where page 2, 3, ... begin (just after each "\f"), so a page without text still has its place.
/// Metadata from the document information dictionary: Title (else the first non-empty line of
/// page 1 that is not a byline or date), Author, Subject (as description), Keywords (split on ","
/// and ";"), CreationDate (at day precision, as written: no time zone shift). A PDF with an owner
/// password only opens like any other. Poppler prints nothing (its debug output is silenced).
/// Throws `ExtractionError`: "damaged or not a PDF", "encrypted PDF" (a user password is needed),
/// "PDF too large (over 2 GiB)".
ExtractedDocument extract_pdf(std::string_view bytes);

/// Stops poppler from printing diagnostics on stderr (a process-wide setting; idempotent).
void silence_pdf_diagnostics();

}  // namespace dossier::indexer
