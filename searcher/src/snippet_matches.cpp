#include "snippet_matches.h"

#include <algorithm>
#include <set>
#include <utility>

#include "dossier/analysis/normalizer.h"
#include "dossier/analysis/utf8.h"

namespace dossier::searcher {
namespace {

// How far past a piece's nominal end a line end (then a space) is looked for.
constexpr std::size_t kCutSlack = 4096;

// Where the piece starting at `start` ends: after a line end near `start + size`, else after a
// space, else on a character boundary (text without spaces), so no word is cut in two.
std::size_t piece_end(std::string_view text, std::size_t start, std::size_t size) {
  if (text.size() - start <= size) return text.size();
  const std::size_t from = start + size;
  const std::size_t until = std::min(text.size(), from + kCutSlack);
  const std::size_t line = text.substr(0, until).find('\n', from);
  if (line != std::string_view::npos) return line + 1;
  for (std::size_t i = from; i < until; ++i) {
    if (analysis::is_ascii_space(text[i])) return i + 1;
  }
  std::size_t i = from;
  while (i < text.size() && analysis::is_continuation_byte(text[i]))
    ++i;
  return i;
}

// Tells whether a piece of text may hold a match: some term occurs in its folded form (the same
// folding as the index's, so "S\u00e9curit\u00e9" holds "securit"). A stem is looked for without its last
// letter (Snowball turns "agency" into "agenc" but "happy" into "happi"). Folding is a byte loop
// for ASCII text and one ICU pass otherwise: far cheaper than segmenting and stemming.
class PieceFilter {
 public:
  explicit PieceFilter(const MatchTerms& terms) {
    const auto add = [this](const std::string& needle) {
      if (!needle.empty()) needles_.insert(needle);
    };
    for (const std::string& term : terms.terms)
      add(term);
    for (const std::string& stem : terms.stems)
      add(stem.size() > 3 ? stem.substr(0, stem.size() - 1) : stem);
    for (const std::string& prefix : terms.prefixes)
      add(prefix);
    for (const auto& phrase : terms.phrases)
      for (const std::string& word : phrase)
        add(word);
  }

  bool may_match(std::string_view piece) const {
    const std::string folded = normalizer_.fold(piece);
    return std::any_of(needles_.begin(), needles_.end(),
                       [&](const std::string& needle) { return folded.find(needle) != std::string::npos; });
  }

 private:
  std::set<std::string> needles_;
  analysis::Normalizer normalizer_;
};

// Recognises phrase occurrences in a stream of primary tokens.
class PhraseMatcher {
 public:
  explicit PhraseMatcher(const std::vector<std::vector<std::string>>& phrases) : phrases_(phrases) {
    for (const auto& phrase : phrases_)
      longest_ = std::max(longest_, phrase.size());
  }

  // Feeds the next primary token, whose offsets are `offset` bytes into the whole text; appends a
  // match for each phrase that ends with it.
  void feed(const analysis::Token& token, std::size_t offset, std::vector<SnippetMatch>& matches) {
    if (longest_ == 0) return;
    recent_.push_back({token.term, token.begin + offset});
    if (recent_.size() > longest_) recent_.erase(recent_.begin());
    for (const auto& phrase : phrases_) {
      if (phrase.size() > recent_.size()) continue;
      const std::size_t first = recent_.size() - phrase.size();
      bool equal = true;
      for (std::size_t k = 0; k < phrase.size() && equal; ++k)
        equal = recent_[first + k].first == phrase[k];
      if (equal) matches.push_back({recent_[first].second, token.end + offset, "\"" + phrase.front()});
    }
  }

  // Text was skipped: no phrase runs across the gap.
  void forget() { recent_.clear(); }

 private:
  const std::vector<std::vector<std::string>>& phrases_;
  std::size_t longest_ = 0;
  std::vector<std::pair<std::string, std::size_t>> recent_;  // term and start of the last tokens
};

// The wildcard prefix `term` starts with, or null.
const std::string* prefix_of(const std::set<std::string>& prefixes, const std::string& term) {
  for (const std::string& prefix : prefixes) {
    if (term.starts_with(prefix)) return &prefix;
  }
  return nullptr;
}

// The matches of one piece starting at byte `offset` of the text.
void match_piece(std::string_view piece, std::size_t offset, const MatchTerms& terms,
                 const analysis::Analyzer& analyzer, std::string_view language, PhraseMatcher& phrases,
                 std::vector<SnippetMatch>& matches) {
  analyzer.for_each_token(piece, language, [&](const analysis::Token& token) {
    if (token.role == analysis::TokenRole::Primary) phrases.feed(token, offset, matches);
    const std::size_t begin = token.begin + offset;
    const std::size_t end = token.end + offset;
    if (terms.terms.contains(token.term)) {
      matches.push_back({begin, end, token.term});
    } else if (!token.stem.empty() && terms.stems.contains(token.stem)) {
      matches.push_back({begin, end, "Z" + token.stem});
    } else if (const std::string* prefix = prefix_of(terms.prefixes, token.term)) {
      matches.push_back({begin, end, "*" + *prefix});
    }
  });
}

// A phrase is found when its last word is read, after matches inside it: order by start, and
// keep the longest of overlapping matches (an identifier and its parts share a span, too).
std::vector<SnippetMatch> without_overlaps(std::vector<SnippetMatch> matches) {
  std::stable_sort(matches.begin(), matches.end(), [](const SnippetMatch& a, const SnippetMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<SnippetMatch> kept;
  for (SnippetMatch& match : matches) {
    if (!kept.empty() && match.begin < kept.back().end) continue;
    kept.push_back(std::move(match));
  }
  return kept;
}

}  // namespace

std::vector<SnippetMatch> find_snippet_matches(std::string_view text, const MatchTerms& terms,
                                               const analysis::Analyzer& analyzer, std::string_view language,
                                               std::size_t piece_bytes, std::size_t budget_bytes) {
  std::vector<SnippetMatch> matches;
  if (terms.empty()) return matches;
  PhraseMatcher phrases(terms.phrases);
  const PieceFilter filter(terms);
  const std::size_t piece_size = std::max<std::size_t>(piece_bytes, 1);
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = piece_end(text, start, piece_size);
    const std::string_view piece = text.substr(start, end - start);
    if (start < budget_bytes || filter.may_match(piece)) {
      match_piece(piece, start, terms, analyzer, language, phrases, matches);
    } else {
      phrases.forget();
    }
    start = end;
    if (start >= budget_bytes && !matches.empty()) break;
  }
  return without_overlaps(std::move(matches));
}

}  // namespace dossier::searcher
