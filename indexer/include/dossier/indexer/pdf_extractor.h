/// \file
/// PDF extraction with poppler, which lives in a module (libdossier-pdf.so) loaded on first use.
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
/// Poppler is not linked into the program: the first call loads libdossier-pdf.so from the
/// program's folder (else the library path) and keeps it loaded. Thread-safe.
/// Throws `ExtractionError`: "damaged or not a PDF", "encrypted PDF" (a user password is needed),
/// "PDF too large (over 2 GiB)", "PDF support is not installed (...)" when the module is missing,
/// "took longer than 60 s to extract (stopped at page 120 of 500)" past `limits.deadline` (checked
/// before each page), "more than 256 MiB of text" past `limits.max_text_bytes`.
ExtractedDocument extract_pdf(std::string_view bytes, const ExtractionLimits& limits = {});

}  // namespace dossier::indexer
