#include "dossier/indexer/pdf_extractor.h"

#include <climits>

#include "dossier/analysis/duration_text.h"
#include "dossier/analysis/program_module.h"
#include "dossier/analysis/utf8.h"
#include "dossier/indexer/metadata_fields.h"
#include "dossier/indexer/text_extractor.h"
#include "dossier/indexer/text_lines.h"
#include "pdf_module.h"

namespace dossier::indexer {
namespace {

// Where an installation puts the module, relative to the program's folder ("../lib/dossier"; set
// by cmake/DossierInstall.cmake from the install layout). The build puts it beside the program.
#ifndef DOSSIER_INSTALLED_MODULE_DIR
#define DOSSIER_INSTALLED_MODULE_DIR "../lib/dossier"
#endif

// The PDF module, loaded on first use and kept for the life of the process. One loader for the
// process, not a handle per caller: the dynamic loader's state is process-wide anyway, and worker
// threads share it (C++ initialises the local static once, thread-safely).
class PdfModule {
 public:
  PdfModule() : module_(kPdfModuleFile, DOSSIER_INSTALLED_MODULE_DIR, "PDF support") {
    read_ = reinterpret_cast<ReadPdfFunction>(module_.entry_point(kReadPdfSymbol));
  }

  static const PdfModule& instance() {
    static const PdfModule module;
    return module;
  }

  PdfStatus read(std::string_view bytes, const PdfLimits& limits, PdfContent& content) const {
    if (!read_) throw ExtractionError(module_.problem());
    return read_(bytes.data(), bytes.size(), limits, content);
  }

 private:
  analysis::ProgramModule module_;
  ReadPdfFunction read_ = nullptr;
};

// "256 MiB", or bytes for a limit that is not a whole number of MiB.
std::string bytes_text(std::size_t bytes) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  return bytes % kMiB == 0 ? std::to_string(bytes / kMiB) + " MiB" : std::to_string(bytes) + " bytes";
}

// One page's text; "\f" is reserved for page boundaries.
std::string page_text(std::string_view raw) {
  std::string text = analysis::repair_utf8(raw);
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

// The fields as poppler gave them: one_line (split_keywords too) repairs UTF-8 itself, and a date
// is read from its digits only.
void read_info(const PdfContent& pdf, ExtractedDocument& document, std::string_view first_page) {
  document.title = one_line(pdf.title, kMaxTitleBytes);
  if (document.title.empty()) document.title = text_title(first_page);
  document.author = one_line(pdf.author);
  document.description = one_line(pdf.subject);
  document.keywords = split_keywords(pdf.keywords, ",;");
  document.date = pdf_date(pdf.creation_date);
}

}  // namespace

ExtractedDocument extract_pdf(std::string_view bytes, const ExtractionLimits& limits) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw ExtractionError("PDF too large (over 2 GiB)");
  PdfContent pdf;
  switch (PdfModule::instance().read(bytes, {limits.deadline, limits.max_text_bytes}, pdf)) {
    case PdfStatus::Damaged:
      throw ExtractionError("damaged or not a PDF");
    case PdfStatus::Encrypted:
      throw ExtractionError("encrypted PDF");
    case PdfStatus::OutOfTime:
      throw ExtractionError("took longer than " + analysis::seconds_text(limits.budget) +
                            " to extract (stopped at page " + std::to_string(pdf.pages.size() + 1) + " of " +
                            std::to_string(pdf.page_count) + ")");
    case PdfStatus::TooMuchText:
      throw ExtractionError("more than " + bytes_text(limits.max_text_bytes) + " of text (at page " +
                            std::to_string(pdf.pages.size()) + " of " + std::to_string(pdf.page_count) + ")");
    case PdfStatus::Read:
      break;
  }
  ExtractedDocument document;
  std::size_t first_page_size = 0;
  for (std::size_t i = 0; i < pdf.pages.size(); ++i) {
    if (i > 0) {
      document.text.push_back('\f');
      document.page_starts.push_back(document.text.size());
    }
    document.text.append(page_text(pdf.pages[i]));
    if (i == 0) first_page_size = document.text.size();
  }
  read_info(pdf, document, std::string_view(document.text).substr(0, first_page_size));
  return document;
}

}  // namespace dossier::indexer
