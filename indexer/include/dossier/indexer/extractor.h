/// \file
/// Chooses the extractor for a format. Extractors take bytes and never touch the file system.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "dossier/indexer/extracted_document.h"
#include "dossier/indexer/file_format.h"

namespace dossier::indexer {

/// Extracts text and metadata from the bytes of a file in `format` with that format's extractor.
/// When the format's own metadata names no author or no date, they are looked for in the opening
/// lines of the text (`find_text_metadata`: "Written by Britt Verregghen - March 2024"). Every
/// string of the result is valid UTF-8. Throws `ExtractionError` (with a one-line reason such as
/// "encrypted PDF") when the bytes cannot be read as that format, or a PDF exceeds `limits`.
ExtractedDocument extract(FileFormat format, std::string_view bytes, const ExtractionLimits& limits = {});

/// Initialises the global state of the parsing libraries (libxml2; the PDF module loads itself
/// once, thread-safely, on the first PDF) on the calling thread.
/// Call once before `extract` runs on several threads at a time; calling it again is harmless.
void prepare_extractors_for_threads();

/// Reads `path` (a regular file up to `max_bytes`) and extracts it by its format; a file of a
/// format Dossier does not know is read as plain text. Throws `FileReadError` or `ExtractionError`.
ExtractedDocument extract_file(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace dossier::indexer
