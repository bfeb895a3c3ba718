#include "dossier/searcher/marked_text.h"

#include <catch2/catch.hpp>

using dossier::searcher::format_marked_text;
using dossier::searcher::mark_text;
using dossier::searcher::MarkedText;
using dossier::searcher::MatchTerms;
using dossier::searcher::TextDestination;
using dossier::searcher::TextSegment;

namespace {

const dossier::analysis::Analyzer& analyzer() {
  static const dossier::analysis::Analyzer instance;
  return instance;
}

// "[match]" around each marked segment, pages joined with " | ".
std::string rendered(const MarkedText& text) {
  std::string out;
  for (const auto& page : text.pages) {
    if (!out.empty()) out += " | ";
    out += std::to_string(page.number) + ":";
    for (const TextSegment& segment : page.segments)
      out += segment.match ? "[" + segment.text + "]" : segment.text;
  }
  return out;
}

}  // namespace

TEST_CASE("every match in the text is its own marked segment, however far into the text", "[marked_text]") {
  MatchTerms terms;
  terms.stems = {"espionag"};
  terms.terms = {"cve-2023-27997"};
  terms.phrases = {{"state", "security"}};
  const std::string far(300 * 1024, 'x');  // past the snippet's reading budget
  const std::string text = "Espionage by State Security, CVE-2023-27997.\n" + far + " espionage again";
  const MarkedText marked = mark_text(text, {}, terms, analyzer(), "en");
  REQUIRE(marked.pages.size() == 1);
  CHECK_FALSE(marked.paginated);
  const auto& segments = marked.pages.front().segments;
  REQUIRE(segments.size() == 8);
  CHECK(segments[0].text == "Espionage");
  CHECK(segments[0].match);
  CHECK(segments[1].text == " by ");
  CHECK_FALSE(segments[1].match);
  CHECK(segments[2].text == "State Security");
  CHECK(segments[4].text == "CVE-2023-27997");
  CHECK(segments[6].text == "espionage");
  CHECK(segments[6].match);
  std::string joined;
  for (const TextSegment& segment : segments)
    joined += segment.text;
  CHECK(joined == text);  // nothing lost or added
}

TEST_CASE("pages split at their starts, without the form feed between them", "[marked_text]") {
  MatchTerms terms;
  terms.terms = {"mivd"};
  const std::string text = "Page one MIVD.\fPage two.\f\fMIVD on four";
  const MarkedText marked = mark_text(text, {15, 25, 26}, terms, analyzer(), "en");
  CHECK(marked.paginated);
  CHECK(rendered(marked) == "1:Page one [MIVD]. | 2:Page two. | 3: | 4:[MIVD] on four");
  CHECK(marked.pages[2].segments.empty());
}

TEST_CASE("without terms each page is one unmarked segment", "[marked_text]") {
  const MarkedText marked = mark_text("Just text.", {}, {}, analyzer(), "en");
  CHECK(rendered(marked) == "1:Just text.");
  CHECK(mark_text("", {}, {}, analyzer(), "en").pages.front().segments.empty());
}

TEST_CASE("marked text prints raw in a pipe, escaped on a terminal, in colour when asked", "[marked_text]") {
  MatchTerms terms;
  terms.terms = {"mivd"};
  const MarkedText marked = mark_text("The MIVD\tsaid\x1b[2J.\fMore.", {19}, terms, analyzer(), "en");
  CHECK(format_marked_text(marked, TextDestination::Pipe) ==
        "--- page 1 ---\nThe MIVD\tsaid\x1b[2J.\n--- page 2 ---\nMore.\n");
  CHECK(format_marked_text(marked, TextDestination::Terminal) ==
        "--- page 1 ---\nThe MIVD said\\x1b[2J.\n--- page 2 ---\nMore.\n");
  CHECK(format_marked_text(marked, TextDestination::ColorTerminal) ==
        "--- page 1 ---\nThe \x1b[1;31mMIVD\x1b[0m said\\x1b[2J.\n--- page 2 ---\nMore.\n");
}

TEST_CASE("marked text as JSON keeps pages and segments", "[marked_text]") {
  MatchTerms terms;
  terms.terms = {"mivd"};
  const auto json = dossier::searcher::to_json(mark_text("The MIVD.", {}, terms, analyzer(), "en"));
  CHECK(json.dump() == R"({"paginated":false,"pages":[{"page":1,"segments":[{"text":"The ","match":false},)"
                       R"({"text":"MIVD","match":true},{"text":".","match":false}]}]})");
}
