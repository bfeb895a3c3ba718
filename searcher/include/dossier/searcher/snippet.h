/// \file
/// Snippets: the best passage of a document for a query, with the matched words marked.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/analyzer.h"
#include "dossier/searcher/match_terms.h"

namespace dossier::searcher {

/// A highlighted range of a snippet's text, in bytes.
struct HighlightSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// A passage ready to show: one line of text (white space collapsed, control characters removed),
/// "…" where it was cut from a longer text, and the byte ranges of matched words in order.
struct Snippet {
  std::string text;
  std::vector<HighlightSpan> highlights;
  /// Byte offset in the document's text of the first match shown, or of the passage's start when
  /// nothing matched: where the passage is "found" (a PDF hit's page is the page of this offset).
  std::size_t anchor = 0;
};

/// Snippet settings.
struct SnippetOptions {
  std::size_t max_bytes = 240;  ///< target length of the passage, before "…" marks
  /// Long texts are analysed in pieces of about this many bytes, cut after a line end.
  std::size_t scan_piece_bytes = 32 * 1024;
  /// Once this many bytes are analysed and something matched, the rest of the text is not read
  /// (the passage is the best one found so far); past it, pieces whose folded text holds no
  /// query term (a stem without its last letter) are skipped unanalysed until a match is found.
  std::size_t scan_budget_bytes = 128 * 1024;
};

/// Picks the passage of `text` (UTF-8) of about `options.max_bytes` that holds the most distinct
/// query terms, then the most matches, and marks every match in it. Words match as the search did:
/// by folded term or by stem (in `language`, the document's), using the same analyzer, so a snippet
/// highlights "Sécurité" for a query `securite` and a whole identifier for `CVE-2023-27997`. When
/// nothing in the text matches (the document matched on its title or path), the start of the text
/// is shown. Empty text gives an empty snippet. A 500-page report costs about what its first
/// `options.scan_budget_bytes` cost (see `SnippetOptions`), not a full analysis.
Snippet make_snippet(std::string_view text, const MatchTerms& terms, const analysis::Analyzer& analyzer,
                     const SnippetOptions& options, std::string_view language);

}  // namespace dossier::searcher
