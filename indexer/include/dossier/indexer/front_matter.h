/// \file
/// The metadata in a Markdown file's YAML front matter, read with a small reader for the subset of
/// YAML that front matter uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/document_date.h"

namespace dossier::indexer {

/// The fields Dossier keeps from front matter; empty (or unset) when absent.
struct FrontMatter {
  std::string title;                           ///< `title`
  std::vector<std::string> authors;            ///< `author` or `authors`
  std::optional<analysis::DocumentDate> date;  ///< `date`
  std::vector<std::string> keywords;           ///< `tags` and `keywords`
  std::string description;                     ///< `description`, else `summary`
  std::string language;                        ///< ISO 639-1 code from `lang` or `language`
};

/// Reads the YAML between a front matter block's `---` lines. Understood: top-level `key: value`
/// lines (keys compared case-insensitively), values plain, 'single-' or "double-quoted" (quotes
/// removed), continued on more-indented lines or written as `|`/`>` block scalars (joined with
/// spaces), flow lists `[a, "b"]` and block lists (`- a` lines). A list field may also be one
/// string: `tags: a, b` is split on commas, `author: X` is one author. Dates: "YYYY", "YYYY-MM",
/// "YYYY-MM-DD", a timestamp whose date part is kept, or a written date (`parse_date_value`).
/// Anything else (nested maps, anchors, unknown keys) is ignored. Strings become valid UTF-8 on one
/// line. Never throws except `std::bad_alloc`.
FrontMatter parse_front_matter(std::string_view yaml);

}  // namespace dossier::indexer
