#include "dossier/indexer/text_extractor.h"

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/text_lines.h"

namespace dossier::indexer {

std::string first_line_title(std::string_view text) {
  for (std::string_view line : TextLines(text)) {
    const std::string_view trimmed = trim(line);
    if (!trimmed.empty()) return std::string(analysis::utf8_prefix(trimmed, kMaxTitleBytes));
  }
  return {};
}

std::string decode_text(std::string_view bytes) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (bytes.starts_with(kByteOrderMark)) bytes.remove_prefix(kByteOrderMark.size());
  return analysis::repair_utf8(bytes);
}

ExtractedDocument extract_plain_text(std::string_view bytes) {
  ExtractedDocument document;
  document.text = decode_text(bytes);
  document.title = first_line_title(document.text);
  return document;
}

}  // namespace dossier::indexer
