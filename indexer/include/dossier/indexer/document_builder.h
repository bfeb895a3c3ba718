/// \file
/// Turns an extracted file into a Xapian document following the schema (analysis/schema.h).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/entity.h"
#include "dossier/analysis/entity_tagger.h"
#include "dossier/indexer/extracted_document.h"
#include "dossier/indexer/file_format.h"

namespace dossier::indexer {

/// The facts about a file that go into its document besides its content.
struct SourceFile {
  std::string path;  ///< absolute path (bytes as the file system gave them)
  std::string root;  ///< absolute path of the root (folder or file) the file was found under
  FileFormat format = FileFormat::PlainText;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_digest;  ///< `analysis::digest_hex` of the bytes
};

/// A built document and what it adds to the index besides itself.
struct BuiltDocument {
  Xapian::Document document;
  std::vector<analysis::Actor> defined_actors;  ///< actors of kind unknown that the report defines
  std::string language;  ///< ISO 639-1 code the file declares or its text is detected to be in; "" if unknown
};

/// Builds documents. The language is the one the file declares, else the one CLD2 detects; it picks
/// the stemmer (English when unknown). The text is analysed once: the same token stream gives the
/// positional body terms and their `Z` stems and, when there is a tagger, the countries and actors.
/// Thread-safe (const), like the analyzer and tagger it uses.
class DocumentBuilder {
 public:
  /// `tagger` may be null: documents then name no entities. Both must outlive the builder.
  DocumentBuilder(const analysis::Analyzer& analyzer, const analysis::EntityTagger* tagger);

  /// Builds the document for `source`: body terms and stems, title terms (`S`, `ZS`), author words
  /// (`A`), language (`L`), the unique id (`Q`), format (`T`), path components below the root (`P`),
  /// root (`XR`), countries (`XC`) and actors (`XA`); the mtime, size, content digest, path
  /// digest, root digest, entity-set, date, year, language and format value slots; the
  /// `DocumentRecord` as data. Never throws on any text (terms are bounded by the analyzer).
  BuiltDocument build(const SourceFile& source, const ExtractedDocument& content) const;

 private:
  const analysis::Analyzer& analyzer_;
  const analysis::EntityTagger* tagger_;
};

}  // namespace dossier::indexer
