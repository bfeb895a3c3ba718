#include "dossier/analysis/stopwords.h"

#include <algorithm>
#include <array>

namespace dossier::analysis {
namespace {

// Sorted, for a binary search. Articles, prepositions, auxiliaries and question words: the words
// of natural-language questions ("what is the effect of ...") that say nothing about the topic.
constexpr std::array<std::string_view, 33> kStopwords = {
    "a",    "about", "an",  "and",  "are",  "as",    "at",    "be",  "by",  "en",   "for",
    "from", "how",   "i",   "in",   "is",   "it",    "of",    "on",  "or",  "that", "the",
    "this", "to",    "was", "what", "when", "where", "which", "who", "why", "will", "with"};

}  // namespace

bool is_query_stopword(std::string_view folded) noexcept {
  return std::binary_search(kStopwords.begin(), kStopwords.end(), folded);
}

}  // namespace dossier::analysis
