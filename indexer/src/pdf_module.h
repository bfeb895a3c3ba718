// The boundary between the indexer and its PDF module (libdossier-pdf.so), the only code that
// links poppler. Poppler and the ~25 libraries it pulls in (NSS, freetype, fontconfig, image
// codecs) take ~7 ms to load and relocate, which every `dossier search` would pay at start-up;
// as a module they are loaded only when a run meets its first PDF. Both sides are built from
// this tree with one compiler, so the structs below cross the boundary as they are.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace dossier::indexer {

/// What the module read from a PDF: UTF-8 as poppler gives it (the caller repairs and trims).
struct PdfContent {
  std::vector<std::string> pages;  ///< each page's text in reading order
  std::size_t page_count = 0;      ///< pages the PDF has (more than `pages` when stopped early)
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string creation_date;  ///< the information dictionary's CreationDate, as written
};

/// Whether the module could read the PDF.
enum class PdfStatus {
  Read,
  Damaged,
  Encrypted,
  OutOfTime,    ///< the deadline passed: `content.pages` holds the pages read before it
  TooMuchText,  ///< the pages' text passed the limit: `content.pages` holds those read before
};

/// What the module may spend on one PDF.
struct PdfLimits {
  std::chrono::steady_clock::time_point deadline;  ///< checked before each page
  std::size_t max_text_bytes = 0;                  ///< of all pages together
};

/// The module's one entry point, `dossier_read_pdf`: reads `size` bytes at `data` into `content`.
/// `content.page_count` is set whenever the PDF opens. Never throws; poppler prints nothing.
using ReadPdfFunction = PdfStatus (*)(const char* data, std::size_t size, const PdfLimits& limits,
                                      PdfContent& content) noexcept;

inline constexpr const char* kPdfModuleFile = "libdossier-pdf.so";
inline constexpr const char* kReadPdfSymbol = "dossier_read_pdf";

}  // namespace dossier::indexer
