/// \file
/// Chooses the extractor for a format. Extractors take bytes and never touch the file system.
#pragma once

#include <string_view>

#include "dossier/indexer/extracted_document.h"
#include "dossier/indexer/file_format.h"

namespace dossier::indexer {

/// Extracts text and metadata from the bytes of a file in `format`. Throws `ExtractionError` when
/// the bytes cannot be read as that format.
ExtractedDocument extract(FileFormat format, std::string_view bytes);

}  // namespace dossier::indexer
