/// \file
/// The words of file and folder names, for `path:`: the same on the index and the query side.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/analyzer.h"

namespace dossier::analysis {

/// The words of a name inside one of its words, split where the case or the kind of character
/// changes: "ThreatReport2024" -> "Threat", "Report", "2024"; "HTMLParser" -> "HTML", "Parser";
/// "apt40" -> "apt", "40". Empty when `word` has no such change, holds anything but letters and
/// digits, or is not valid UTF-8.
std::vector<std::string_view> case_and_digit_words(std::string_view word);

/// The terms (unprefixed) that make the file or folder name `name` findable with `path:`: every
/// term the analyzer gives it (the whole name, its words, identifiers inside it: "norway-2024-
/// threat-assessment.txt" gives the name and norway, 2024, threat, assessment, txt), and the
/// folded `case_and_digit_words` of each of its words ("ThreatReport2024.pdf" also gives threat,
/// report). Sorted, without duplicates.
std::vector<std::string> path_terms(const Analyzer& analyzer, std::string_view name);

/// One word of a `path:` query: a name holds it when it has `term`, or else all of `words` (the
/// parts and `case_and_digit_words` of the query word; empty when it has none), so that
/// `path:threat-assessment.txt` and `path:ThreatReport` find "norway-2024-threat-assessment.txt"
/// and "ThreatReport2024.pdf" through the words the index holds.
struct PathQueryWord {
  std::string term;
  std::vector<std::string> words;
};

/// The words of a `path:` query's text, each of which a matching path must hold.
std::vector<PathQueryWord> path_query_words(const Analyzer& analyzer, std::string_view text);

}  // namespace dossier::analysis
