/// \file
/// Turns an extracted file into a Xapian document following the schema (analysis/schema.h).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>

#include "dossier/analysis/analyzer.h"
#include "dossier/indexer/extracted_document.h"
#include "dossier/indexer/file_format.h"

namespace dossier::indexer {

/// The facts about a file that go into its document besides its content.
struct SourceFile {
  std::string path;  ///< absolute path (bytes as the file system gave them)
  FileFormat format = FileFormat::PlainText;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_digest;  ///< `analysis::digest_hex` of the bytes
};

/// Builds the document for `source`: positional body terms and their `Z` stems, title terms
/// (`S`, `ZS`), the unique id term (`Q`), format (`T`), path components (`P`) and content digest
/// (`XH`); the mtime, size and digest value slots; and the `DocumentRecord` as document data.
/// Never throws on any text (terms are bounded by the analyzer).
Xapian::Document build_document(const SourceFile& source, const ExtractedDocument& content,
                                const analysis::Analyzer& analyzer);

}  // namespace dossier::indexer
