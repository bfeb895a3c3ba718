/// \file
/// The promises `dossier::indexer::extract` makes for any bytes, checked by the extractor fuzz
/// targets: it returns a document whose strings are valid UTF-8, one-line fields hold one line and
/// page starts lie inside the text in order, or it throws `ExtractionError`.
#pragma once

#include <string>
#include <string_view>

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/extractor.h"
#include "fuzz_support.h"

namespace dossier::fuzz {

/// True when `field` is valid UTF-8 without a line break.
inline bool is_one_line(const std::string& field) {
  return analysis::is_valid_utf8(field) && field.find('\n') == std::string::npos;
}

/// Extracts `bytes` as `format` and aborts when a promise above is broken.
inline void check_extraction(indexer::FileFormat format, std::string_view bytes) {
  indexer::ExtractedDocument document;
  try {
    document = indexer::extract(format, bytes);
  } catch (const indexer::ExtractionError&) {
    return;  // the expected failure for damaged input
  }
  require(analysis::is_valid_utf8(document.text), "the text is valid UTF-8");
  require(is_one_line(document.title), "the title is one line of UTF-8");
  require(is_one_line(document.author), "the author is one line of UTF-8");
  require(is_one_line(document.description), "the description is one line of UTF-8");
  require(analysis::is_valid_utf8(document.canonical_url), "the URL is valid UTF-8");
  require(analysis::is_valid_utf8(document.language), "the language is valid UTF-8");
  for (const std::string& keyword : document.keywords)
    require(analysis::is_valid_utf8(keyword), "keywords are valid UTF-8");
  std::size_t previous = 0;
  for (std::size_t start : document.page_starts) {
    require(start >= previous && start <= document.text.size(), "page starts are ordered, inside the text");
    previous = start;
  }
}

}  // namespace dossier::fuzz
