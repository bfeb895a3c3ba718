#include "dossier/searcher/marked_text.h"

#include <algorithm>
#include <limits>

#include "dossier/analysis/printable.h"
#include "snippet_matches.h"

namespace dossier::searcher {
namespace {

// The whole text is read, in pieces the size snippets use.
constexpr std::size_t kPieceBytes = 32 * 1024;

// Appends text[begin, end) to `page` as one segment, unless it is empty.
void append(TextPage& page, std::string_view text, std::size_t begin, std::size_t end, bool match) {
  if (end > begin) page.segments.push_back({std::string(text.substr(begin, end - begin)), match});
}

}  // namespace

MarkedText mark_text(std::string_view text, const std::vector<std::uint64_t>& page_starts,
                     const MatchTerms& terms, const analysis::Analyzer& analyzer, std::string_view language) {
  const std::vector<SnippetMatch> matches = find_snippet_matches(text, terms, analyzer, language, kPieceBytes,
                                                                 std::numeric_limits<std::size_t>::max());
  MarkedText marked;
  marked.paginated = !page_starts.empty();
  auto match = matches.begin();
  for (std::size_t number = 1; number <= page_starts.size() + 1; ++number) {
    const std::size_t begin = number == 1 ? 0 : std::min<std::size_t>(page_starts[number - 2], text.size());
    std::size_t end = number > page_starts.size()
                          ? text.size()
                          : std::min<std::size_t>(page_starts[number - 1], text.size());
    if (end > begin && number <= page_starts.size() && text[end - 1] == '\f') --end;
    TextPage page{number, {}};
    std::size_t at = begin;
    for (; match != matches.end() && match->begin < end; ++match) {
      if (match->begin < at) continue;  // cannot happen (matches do not cross pages): kept safe
      append(page, text, at, match->begin, false);
      append(page, text, match->begin, std::min(match->end, end), true);
      at = std::min(match->end, end);
    }
    append(page, text, at, end, false);
    marked.pages.push_back(std::move(page));
  }
  return marked;
}

namespace {

constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kReset = "\x1b[0m";

// `text` safe on a terminal, its line breaks kept: each line through `printable`, tabs as spaces
// (printable would show them as "\t").
std::string terminal_safe(std::string_view text) {
  std::string out;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    std::string line(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    std::replace(line.begin(), line.end(), '\t', ' ');
    out += analysis::printable(line);
    if (end == std::string_view::npos) return out;
    out += '\n';
    start = end + 1;
  }
}

}  // namespace

std::string format_marked_text(const MarkedText& text, TextDestination destination) {
  std::string out;
  for (const TextPage& page : text.pages) {
    if (text.paginated) out += "--- page " + std::to_string(page.number) + " ---\n";
    std::string body;
    for (const TextSegment& segment : page.segments) {
      if (destination == TextDestination::Pipe) {
        body += segment.text;
        continue;
      }
      const std::string safe = terminal_safe(segment.text);
      const bool paint = segment.match && destination == TextDestination::ColorTerminal;
      body += paint ? std::string(kMatch) + safe + std::string(kReset) : safe;
    }
    out += body;
    if (!body.empty() && body.back() != '\n') out += '\n';
  }
  return out;
}

nlohmann::ordered_json to_json(const MarkedText& text) {
  nlohmann::ordered_json pages = nlohmann::ordered_json::array();
  for (const TextPage& page : text.pages) {
    nlohmann::ordered_json segments = nlohmann::ordered_json::array();
    for (const TextSegment& segment : page.segments)
      segments.push_back({{"text", segment.text}, {"match", segment.match}});
    pages.push_back({{"page", page.number}, {"segments", std::move(segments)}});
  }
  return {{"paginated", text.paginated}, {"pages", std::move(pages)}};
}

}  // namespace dossier::searcher
