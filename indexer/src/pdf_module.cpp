// libdossier-pdf.so: poppler behind one C entry point (see pdf_module.h).
#include "pdf_module.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>

namespace dossier::indexer {
namespace {

void ignore_poppler_message(const std::string&, void*) {}

std::string to_utf8(const poppler::ustring& text) {
  if (text.empty()) return {};
  const poppler::byte_array bytes = text.to_utf8();
  std::string out(bytes.data(), bytes.size());
  while (!out.empty() && out.back() == '\0')
    out.pop_back();
  return out;
}

std::string page_text(const poppler::document& pdf, int index) {
  const std::unique_ptr<poppler::page> page(pdf.create_page(index));
  if (!page) return {};
  return to_utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
}

PdfStatus read_pdf(const char* data, std::size_t size, const PdfLimits& limits, PdfContent& content) {
  // Poppler reports problems in damaged files on stderr unless told otherwise (a process-wide
  // setting inside poppler; every call stores the same no-op).
  poppler::set_debug_error_function(ignore_poppler_message, nullptr);
  const std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(data, static_cast<int>(size)));
  if (!pdf) return PdfStatus::Damaged;
  if (pdf->is_locked()) return PdfStatus::Encrypted;
  const int pages = pdf->pages();
  content.page_count = static_cast<std::size_t>(pages > 0 ? pages : 0);
  content.pages.reserve(content.page_count);
  std::size_t text_bytes = 0;
  for (int i = 0; i < pages; ++i) {
    if (std::chrono::steady_clock::now() >= limits.deadline) return PdfStatus::OutOfTime;
    content.pages.push_back(page_text(*pdf, i));
    text_bytes += content.pages.back().size();
    if (text_bytes > limits.max_text_bytes) return PdfStatus::TooMuchText;
  }
  content.title = to_utf8(pdf->get_title());
  content.author = to_utf8(pdf->get_author());
  content.subject = to_utf8(pdf->get_subject());
  content.keywords = to_utf8(pdf->get_keywords());
  content.creation_date = to_utf8(pdf->info_key("CreationDate"));
  return PdfStatus::Read;
}

}  // namespace
}  // namespace dossier::indexer

extern "C" __attribute__((visibility("default"))) dossier::indexer::PdfStatus dossier_read_pdf(
    const char* data, std::size_t size, const dossier::indexer::PdfLimits& limits,
    dossier::indexer::PdfContent& content) noexcept {
  if (size > static_cast<std::size_t>(INT_MAX)) return dossier::indexer::PdfStatus::Damaged;
  try {
    return dossier::indexer::read_pdf(data, size, limits, content);
  } catch (...) {
    // Poppler allocating past what memory allows, or failing inside: the file cannot be read.
    content = {};
    return dossier::indexer::PdfStatus::Damaged;
  }
}
