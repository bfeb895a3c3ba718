#include "dossier/indexer/extractor.h"

#include <libxml/parser.h>

#include "dossier/analysis/language.h"
#include "dossier/indexer/docx_extractor.h"
#include "dossier/indexer/file_reader.h"
#include "dossier/indexer/html_extractor.h"
#include "dossier/indexer/markdown_extractor.h"
#include "dossier/indexer/odt_extractor.h"
#include "dossier/indexer/pdf_extractor.h"
#include "dossier/indexer/text_extractor.h"
#include "dossier/indexer/text_metadata.h"

namespace dossier::indexer {
namespace {

ExtractedDocument extract_format(FileFormat format, std::string_view bytes, const ExtractionLimits& limits) {
  switch (format) {
    case FileFormat::PlainText:
      return extract_plain_text(bytes);
    case FileFormat::Markdown:
      return extract_markdown(bytes);
    case FileFormat::Html:
      return extract_html(bytes);
    case FileFormat::Pdf:
      return extract_pdf(bytes, limits);
    case FileFormat::Docx:
      return extract_docx(bytes);
    case FileFormat::Odt:
      return extract_odt(bytes);
  }
  throw ExtractionError("no extractor for this format");
}

}  // namespace

ExtractedDocument extract(FileFormat format, std::string_view bytes, const ExtractionLimits& limits) {
  ExtractedDocument document = extract_format(format, bytes, limits);
  if (document.author.empty() || !document.date) {
    // Many reports carry their byline and date only in their first lines.
    TextMetadata found = find_text_metadata(document.text, analysis::language_code(document.language));
    if (document.author.empty()) document.author = std::move(found.author);
    if (!document.date) document.date = found.date;
  }
  return document;
}

ExtractedDocument extract_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  return extract(format_for_path(path.native()).value_or(FileFormat::PlainText),
                 read_regular_file(path, max_bytes));
}

void prepare_extractors_for_threads() {
  // libxml2 2.9 sets up its global tables lazily, and that first call is not safe to race.
  xmlInitParser();
  // The PDF module needs nothing here: it is loaded on the first PDF, once, thread-safely.
}

}  // namespace dossier::indexer
