#include "dossier/indexer/pdf_extractor.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/metadata_fields.h"
#include "dossier/indexer/text_extractor.h"
#include "dossier/indexer/text_lines.h"

namespace dossier::indexer {
namespace {

void ignore_poppler_message(const std::string&, void*) {}

std::string to_utf8(const poppler::ustring& text) {
  if (text.empty()) return {};
  const poppler::byte_array bytes = text.to_utf8();
  std::string_view view(bytes.data(), bytes.size());
  while (!view.empty() && view.back() == '\0')
    view.remove_suffix(1);
  return analysis::repair_utf8(view);
}

// One page's text in reading order; "\f" is reserved for page boundaries.
std::string page_text(const poppler::document& pdf, int index) {
  const std::unique_ptr<poppler::page> page(pdf.create_page(index));
  if (!page) return {};
  std::string text = to_utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
  for (char& c : text) {
    if (c == '\f') c = '\n';
  }
  // Poppler ends pages with blank lines; one line break is enough before the next page.
  text.resize(text.find_last_not_of(" \t\r\n") + 1);
  if (!text.empty()) text.push_back('\n');
  return text;
}

// "D:20240213103000+01'00'" -> 2024-02-13. The digits are read as written: converting to a time_t
// and back would move the date across midnight for some time zones.
std::optional<analysis::DocumentDate> pdf_date(std::string_view value) {
  value = trim(value);
  if (value.starts_with("D:")) value.remove_prefix(2);
  std::size_t digits = 0;
  while (digits < value.size() && digits < 8 && value[digits] >= '0' && value[digits] <= '9')
    ++digits;
  const auto number = [value](std::size_t begin, std::size_t length) {
    int result = 0;
    for (std::size_t i = begin; i < begin + length; ++i)
      result = result * 10 + (value[i] - '0');
    return result;
  };
  if (digits >= 8) return analysis::make_date(number(0, 4), number(4, 2), number(6, 2));
  if (digits >= 6) return analysis::make_date(number(0, 4), number(4, 2));
  if (digits >= 4) return analysis::make_date(number(0, 4));
  return std::nullopt;
}

void read_info(const poppler::document& pdf, ExtractedDocument& document, std::string_view first_page) {
  document.title = one_line(to_utf8(pdf.get_title()), kMaxTitleBytes);
  if (document.title.empty()) document.title = text_title(first_page);
  document.author = one_line(to_utf8(pdf.get_author()));
  document.description = one_line(to_utf8(pdf.get_subject()));
  document.keywords = split_keywords(to_utf8(pdf.get_keywords()), ",;");
  document.date = pdf_date(to_utf8(pdf.info_key("CreationDate")));
}

}  // namespace

// Poppler reports problems in damaged files on stderr unless told otherwise. The setting is
// process-wide inside poppler; every call stores the same no-op.
void silence_pdf_diagnostics() {
  poppler::set_debug_error_function(ignore_poppler_message, nullptr);
}

ExtractedDocument extract_pdf(std::string_view bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw ExtractionError("PDF too large (over 2 GiB)");
  silence_pdf_diagnostics();
  const std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) throw ExtractionError("damaged or not a PDF");
  if (pdf->is_locked()) throw ExtractionError("encrypted PDF");

  ExtractedDocument document;
  std::size_t first_page_size = 0;
  const int pages = pdf->pages();
  for (int i = 0; i < pages; ++i) {
    if (i > 0) {
      document.text.push_back('\f');
      document.page_starts.push_back(document.text.size());
    }
    document.text.append(page_text(*pdf, i));
    if (i == 0) first_page_size = document.text.size();
  }
  read_info(*pdf, document, std::string_view(document.text).substr(0, first_page_size));
  return document;
}

}  // namespace dossier::indexer
