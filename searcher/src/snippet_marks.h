// Private to the searcher: writes a snippet's text with its highlights wrapped in markers.
#pragma once

#include <string>
#include <string_view>

#include "dossier/searcher/snippet.h"

namespace dossier::searcher {

/// The bytes [begin, end) of `snippet.text` with each highlight (clipped to the range) wrapped in
/// `open` and `close`; `escape` transforms the text between and inside them.
template <typename Escape>
std::string mark_snippet(const Snippet& snippet, std::string_view open, std::string_view close, Escape escape,
                         std::size_t begin = 0, std::size_t end = std::string::npos) {
  const std::string_view text = std::string_view(snippet.text).substr(0, end);
  std::string out;
  std::size_t at = begin;
  for (const HighlightSpan& span : snippet.highlights) {
    if (span.end <= at || span.begin >= text.size()) continue;
    const std::size_t from = std::max(span.begin, at);
    const std::size_t to = std::min(span.end, text.size());
    out += escape(text.substr(at, from - at));
    out += open;
    out += escape(text.substr(from, to - from));
    out += close;
    at = to;
  }
  if (at < text.size()) out += escape(text.substr(at));
  return out;
}

}  // namespace dossier::searcher
