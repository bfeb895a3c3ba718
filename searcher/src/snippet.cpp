#include "dossier/searcher/snippet.h"

#include <algorithm>
#include <map>

#include "dossier/analysis/utf8.h"
#include "snippet_matches.h"

namespace dossier::searcher {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

using Match = SnippetMatch;

// The run of matches that fits in `width` bytes with the most distinct keys, then the most matches.
std::pair<std::size_t, std::size_t> best_window(const std::vector<Match>& matches, std::size_t width) {
  std::pair<std::size_t, std::size_t> best{0, 1};
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  std::map<std::string_view, std::size_t> counts;
  std::size_t last = 0;  // one past the last match in the window
  for (std::size_t first = 0; first < matches.size(); ++first) {
    while (last < matches.size() && (last == first || matches[last].end - matches[first].begin <= width)) {
      ++counts[matches[last].key];
      ++last;
    }
    const std::pair<std::size_t, std::size_t> score{counts.size(), last - first};
    if (score > best_score) {
      best_score = score;
      best = {first, last};
    }
    if (--counts[matches[first].key] == 0) counts.erase(matches[first].key);
  }
  return best;
}

// How far a cut may move to land on white space; text without spaces nearby (Chinese, Japanese,
// Thai) is cut on a character boundary instead.
constexpr std::size_t kMaxSnapBytes = 24;

// Moves `begin` forward (never past `limit`) to a line or sentence start, else a word start.
std::size_t snap_begin(std::string_view text, std::size_t begin, std::size_t limit) {
  if (begin <= kMaxSnapBytes) return 0;  // so close to the start that "…" would hide little
  for (std::size_t i = begin; i + 1 < limit; ++i) {
    if (text[i] == '\n' ||
        ((text[i] == '.' || text[i] == '!' || text[i] == '?') && analysis::is_ascii_space(text[i + 1]))) {
      return i + 1;
    }
  }
  if (analysis::white_space_length_before(text, begin) > 0) return begin;
  for (std::size_t i = begin; i < limit && i < begin + kMaxSnapBytes; ++i) {
    if (analysis::white_space_length(text, i) > 0) return i;
  }
  while (begin < limit && analysis::is_continuation_byte(text[begin]))
    ++begin;
  return begin;
}

// Moves `end` back (never before `limit`) to the end of a word, else a character boundary.
std::size_t snap_end(std::string_view text, std::size_t end, std::size_t limit) {
  if (end >= text.size()) return text.size();
  if (analysis::white_space_length(text, end) > 0) return end;
  for (std::size_t i = end; i > limit && i + kMaxSnapBytes > end; --i) {
    if (const std::size_t space = analysis::white_space_length_before(text, i)) return i - space;
  }
  while (end > limit && analysis::is_continuation_byte(text[end]))
    --end;
  return end;
}

// Copies text[begin, end) collapsing white space and dropping control characters, marking matches.
Snippet render(std::string_view text, std::size_t begin, std::size_t end, const std::vector<Match>& matches) {
  Snippet snippet;
  snippet.anchor = begin;
  if (begin > 0) snippet.text.append(kEllipsis);
  auto match =
      std::find_if(matches.begin(), matches.end(), [begin](const Match& m) { return m.begin >= begin; });
  bool pending_space = false;
  for (std::size_t i = begin; i < end; ++i) {
    if (match != matches.end() && i == match->begin && match->end <= end) {
      if (pending_space) snippet.text.push_back(' ');
      pending_space = false;
      const std::size_t start = snippet.text.size();
      snippet.text.append(text.substr(match->begin, match->end - match->begin));
      if (snippet.highlights.empty()) snippet.anchor = match->begin;
      snippet.highlights.push_back({start, snippet.text.size()});
      i = match->end - 1;
      ++match;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    // Every white space (U+00A0, U+202F, U+3000...) collapses like an ASCII space.
    const std::size_t space = analysis::white_space_length(text, i);
    if (space > 0 || c < 0x20 || c == 0x7F) {
      pending_space = !snippet.text.empty() && snippet.text != kEllipsis;
      if (space > 1) i += space - 1;
      continue;
    }
    if (pending_space) snippet.text.push_back(' ');
    pending_space = false;
    snippet.text.push_back(text[i]);
  }
  if (end < text.size()) snippet.text.append(kEllipsis);
  return snippet;
}

}  // namespace

Snippet make_snippet(std::string_view text, const MatchTerms& terms, const analysis::Analyzer& analyzer,
                     const SnippetOptions& options, std::string_view language) {
  if (text.empty()) return {};
  const std::vector<Match> matches = find_snippet_matches(
      text, terms, analyzer, language, options.scan_piece_bytes, options.scan_budget_bytes);
  if (matches.empty()) return render(text, 0, snap_end(text, options.max_bytes, 0), matches);
  const auto [first, last] = best_window(matches, options.max_bytes);
  const std::size_t core_begin = matches[first].begin;
  const std::size_t core_end = matches[last - 1].end;
  const std::size_t spare =
      options.max_bytes > core_end - core_begin ? options.max_bytes - (core_end - core_begin) : 0;
  // A third of the spare room goes before the first match, the rest after the last.
  const std::size_t lead = std::min(core_begin, spare / 3);
  const std::size_t begin = snap_begin(text, core_begin - lead, core_begin);
  const std::size_t used_before = core_begin - begin;  // may exceed `lead` when snapped to the start
  const std::size_t after = spare > used_before ? spare - used_before : 0;
  const std::size_t end = snap_end(text, std::min(text.size(), core_end + after), core_end);
  // Cuts are on white space or ASCII punctuation, so they never split a UTF-8 sequence. Matches
  // in the context around the chosen window are highlighted too.
  return render(text, begin, end, matches);
}

}  // namespace dossier::searcher
