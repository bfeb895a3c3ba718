/// \file
/// Writes small PDF files for the extractor tests: Helvetica text, an information dictionary, and
/// optionally an encryption dictionary.
#pragma once

#include <string>
#include <vector>

namespace dossier::testing {

/// What goes into a test PDF.
struct TestPdf {
  std::vector<std::vector<std::string>> pages;  ///< lines of text per page (ASCII); empty: no text
  std::string info;     ///< entries of the information dictionary, e.g. "/Title (Report)"; none if empty
  std::string encrypt;  ///< entries of an encryption dictionary (with an /ID in the trailer); none if empty
};

/// The bytes of a well-formed PDF 1.4 file (cross-reference offsets computed) holding `pdf`.
std::string build_pdf(const TestPdf& pdf);

}  // namespace dossier::testing
