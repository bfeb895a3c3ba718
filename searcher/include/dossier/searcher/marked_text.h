/// \file
/// A document's whole text with every match of a query marked, page by page: what `dossier show
/// --text` prints and what a document view of a web interface returns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/analyzer.h"
#include "dossier/searcher/match_terms.h"

namespace dossier::searcher {

/// A run of a page's text: one match of the query, or the text between matches.
struct TextSegment {
  std::string text;    ///< as extracted (UTF-8; line breaks kept)
  bool match = false;  ///< a matched word or phrase
};

/// One page of a document (a document without pages is one page, number 1).
struct TextPage {
  std::size_t number = 1;
  std::vector<TextSegment> segments;  ///< in order; their texts joined are the page's text
};

/// A document's text split into pages and segments.
struct MarkedText {
  std::vector<TextPage> pages;
  bool paginated = false;  ///< the format has pages (PDF): their numbers mean something
};

/// `text` (a stored document text, pages 2, 3... starting at the byte offsets `page_starts`, each
/// after the "\f" that ends the page before, which is dropped) as pages of segments, every match
/// of `terms` marked. Matches are found as snippets find them (`make_snippet`: the same analyzer,
/// in the document's `language`; folded terms, stems, phrases, wildcard prefixes), but in the whole
/// text, however long. No terms: every page is one unmarked segment. An empty page has no segment.
MarkedText mark_text(std::string_view text, const std::vector<std::uint64_t>& page_starts,
                     const MatchTerms& terms, const analysis::Analyzer& analyzer, std::string_view language);

/// Where `format_marked_text` output goes.
enum class TextDestination {
  Pipe,           ///< the text as extracted, byte for byte; no highlighting
  Terminal,       ///< control characters escaped (`analysis::printable`, line by line; tabs as spaces)
  ColorTerminal,  ///< the same, matches in bold red
};

/// The text to print: the pages in order, each after a "--- page N ---" line when `paginated`,
/// ending with a line break.
std::string format_marked_text(const MarkedText& text, TextDestination destination);

/// `{"paginated": true, "pages": [{"page": 1, "segments": [{"text": "...", "match": false}]}]}`;
/// texts are valid UTF-8 (bad bytes replaced when dumped).
nlohmann::ordered_json to_json(const MarkedText& text);

}  // namespace dossier::searcher
