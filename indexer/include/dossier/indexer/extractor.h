/// \file
/// Chooses the extractor for a format. Extractors take bytes and never touch the file system.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "dossier/indexer/extracted_document.h"
#include "dossier/indexer/file_format.h"

namespace dossier::indexer {

/// Extracts text and metadata from the bytes of a file in `format`. Throws `ExtractionError` when
/// the bytes cannot be read as that format.
ExtractedDocument extract(FileFormat format, std::string_view bytes);

/// Reads `path` (a regular file up to `max_bytes`) and extracts it by its format; a file of a
/// format Dossier does not know is read as plain text. Throws `FileReadError` or `ExtractionError`.
ExtractedDocument extract_file(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace dossier::indexer
