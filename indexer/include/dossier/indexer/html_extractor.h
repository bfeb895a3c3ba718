/// \file
/// HTML and XHTML extraction: the body text a reader sees, and the metadata of the <head>.
#pragma once

#include <string_view>

#include "dossier/indexer/extracted_document.h"

namespace dossier::indexer {

/// Reads HTML or XHTML with libxml2's HTML parser (recovering from broken markup, never using the
/// network; the charset comes from a byte order mark or <meta charset>, and text that is not UTF-8
/// without a declaration is read as windows-1252). Text: the body only, without `script`, `style`,
/// `noscript`, `template`, `svg`, `math`, `iframe`, form controls and navigation (`nav`, and
/// `header`/`footer`/`aside` outside `main`/`article`); entities decoded; white space collapsed
/// except in `pre`; block elements (p, div, li, h1-h6, br, tr, section...) end lines and table
/// cells are separated by spaces, so words from different elements never run together.
/// Metadata: title from <title>, else the first <h1>, else the first line; author, date (ISO 8601
/// or written dates, at their precision), description, keywords (split on commas, plus
/// `article:tag`s), canonical URL (<link rel=canonical>, else `og:url`) from <meta>/<link>, and
/// the language from <html lang> (ISO 639-1: "en-GB" -> "en"). Code points U+0080..U+009F are read
/// as their windows-1252 characters, as browsers do. The tree is walked without recursion; libxml2
/// stops parsing at a nesting depth of 256, so text after such nesting is lost (lifting the limit
/// makes libxml2 quadratic on hostile input). Empty input gives an empty document. Throws `ExtractionError`
/// for input over 2 GiB or that libxml2 cannot parse at all.
ExtractedDocument extract_html(std::string_view bytes);

}  // namespace dossier::indexer
