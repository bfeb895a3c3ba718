#include "dossier/indexer/extractor.h"

#include "dossier/indexer/file_reader.h"
#include "dossier/indexer/markdown_extractor.h"
#include "dossier/indexer/text_extractor.h"

namespace dossier::indexer {

ExtractedDocument extract(FileFormat format, std::string_view bytes) {
  switch (format) {
    case FileFormat::PlainText:
      return extract_plain_text(bytes);
    case FileFormat::Markdown:
      return extract_markdown(bytes);
  }
  throw ExtractionError("no extractor for this format");
}

ExtractedDocument extract_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  return extract(format_for_path(path).value_or(FileFormat::PlainText), read_regular_file(path, max_bytes));
}

}  // namespace dossier::indexer
