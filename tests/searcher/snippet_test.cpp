#include "dossier/searcher/snippet.h"

#include <catch2/catch.hpp>
#include <string>

#include "dossier/analysis/utf8.h"
#include "unicode_spaces.h"

using dossier::analysis::Analyzer;
using dossier::searcher::make_snippet;
using dossier::searcher::MatchTerms;
using dossier::searcher::Snippet;
using dossier::searcher::SnippetOptions;

namespace {

// The snippet with highlights shown as [brackets].
std::string marked(const Snippet& snippet) {
  std::string out;
  std::size_t at = 0;
  for (const auto& span : snippet.highlights) {
    out += snippet.text.substr(at, span.begin - at) + "[" +
           snippet.text.substr(span.begin, span.end - span.begin) + "]";
    at = span.end;
  }
  return out + snippet.text.substr(at);
}

const Analyzer& analyzer() {
  static const Analyzer instance;
  return instance;
}

}  // namespace

TEST_CASE("matched words are marked by stem and by folded form", "[snippet]") {
  MatchTerms terms;
  terms.stems = {"espionag", "securit"};
  const Snippet snippet =
      make_snippet("Espionage and S\u00e9curit\u00e9: espionnage.", terms, analyzer(), {}, "en");
  CHECK(marked(snippet) == "[Espionage] and [S\u00e9curit\u00e9]: espionnage.");
}

TEST_CASE("a phrase is marked where its words follow each other, not word by word", "[snippet]") {
  MatchTerms terms;
  terms.phrases = {{"state", "security"}};
  const Snippet snippet =
      make_snippet("The state of things. State security matters to the state.", terms, analyzer(), {}, "en");
  CHECK(marked(snippet) == "The state of things. [State security] matters to the state.");
}

TEST_CASE("identifiers are marked whole", "[snippet]") {
  MatchTerms terms;
  terms.terms = {"cve-2023-27997"};
  CHECK(marked(make_snippet("Patch CVE-2023-27997 now.", terms, analyzer(), {}, "en")) ==
        "Patch [CVE-2023-27997] now.");
}

TEST_CASE("the passage with the most distinct query words wins", "[snippet]") {
  std::string text = "Fortinet appears here alone. ";
  for (int i = 0; i < 40; ++i)
    text += "Filler words about nothing in particular. ";
  text += "The MIVD found malware on Fortinet systems. ";
  for (int i = 0; i < 40; ++i)
    text += "More filler text that says nothing. ";
  MatchTerms terms;
  terms.stems = {"mivd", "fortinet"};
  const Snippet snippet = make_snippet(text, terms, analyzer(), SnippetOptions{120}, "en");
  CHECK(marked(snippet).find("[MIVD] found malware on [Fortinet]") != std::string::npos);
  CHECK(snippet.text.starts_with("\u2026"));
  CHECK(snippet.text.ends_with("\u2026"));
  CHECK(snippet.text.size() < 200);
}

TEST_CASE("white space collapses and control characters never reach the snippet", "[snippet]") {
  MatchTerms terms;
  terms.stems = {"alert"};
  const Snippet snippet =
      make_snippet("line one\n\n\tALERT \x1b[31m red\x07 end", terms, analyzer(), {}, "en");
  CHECK(marked(snippet) == "line one [ALERT] [31m red end");
}

TEST_CASE("every Unicode space collapses to one ASCII space in a snippet", "[snippet]") {
  MatchTerms terms;
  terms.stems = {"emotet", "dridex"};
  for (const auto& space : dossier::testing::word_separating_spaces()) {
    INFO(space.name);
    const std::string text = "Loaders:" + space.utf8 + space.utf8 + "Emotet" + space.utf8 + "and\u2028" +
                             space.utf8 + "Dridex" + space.utf8 + "!";
    CHECK(marked(make_snippet(text, terms, analyzer(), {}, "en")) == "Loaders: [Emotet] and [Dridex] !");
  }
}

TEST_CASE("without a match the snippet is the start of the text", "[snippet]") {
  MatchTerms terms;
  terms.stems = {"absent"};
  const std::string text = "First words of a long text " + std::string(500, 'x');
  const Snippet snippet = make_snippet(text, terms, analyzer(), SnippetOptions{40}, "en");
  CHECK(snippet.text.starts_with("First words of a long text"));
  CHECK(snippet.highlights.empty());
}

TEST_CASE("cuts in text without spaces fall on character boundaries", "[snippet]") {
  std::string text;
  for (int i = 0; i < 60; ++i)
    text += "国家的情报机构";
  text += "国家安全部";
  for (int i = 0; i < 60; ++i)
    text += "欧洲企业和研究机构";
  MatchTerms terms;
  terms.phrases = {{"国家安全", "部"}};
  const Snippet snippet = make_snippet(text, terms, analyzer(), SnippetOptions{90}, "en");
  CHECK(dossier::analysis::is_valid_utf8(snippet.text));
  CHECK(marked(snippet).find("[国家安全部]") != std::string::npos);
  for (std::size_t budget : {1u, 2u, 7u, 31u, 241u}) {
    CHECK(dossier::analysis::is_valid_utf8(
        make_snippet(text, terms, analyzer(), SnippetOptions{budget}, "en").text));
  }
}

TEST_CASE("empty text gives an empty snippet", "[snippet]") {
  CHECK(make_snippet("", MatchTerms{}, analyzer(), {}, "en").text.empty());
}

namespace {

// `lines` lines of filler words, each ending in a line break.
std::string filler(int lines) {
  std::string text;
  for (int i = 0; i < lines; ++i)
    text += "the quick brown fox jumps over the lazy dog again and again\n";
  return text;
}

SnippetOptions small_scan() {
  SnippetOptions options;
  options.scan_piece_bytes = 256;
  options.scan_budget_bytes = 1024;
  return options;
}

}  // namespace

TEST_CASE("a long text's only match, far past the scan budget, is still found", "[snippet]") {
  MatchTerms terms;
  terms.stems = {"zanzibarit"};
  const std::string text = filler(500) + "The Zanzibarite marker.\n" + filler(20);
  const Snippet snippet = make_snippet(text, terms, analyzer(), small_scan(), "en");
  CHECK_THAT(marked(snippet), Catch::Contains("[Zanzibarite]"));
  CHECK(snippet.anchor == text.find("Zanzibarite"));
}

TEST_CASE("past the scan budget, a long text is read no further once something matched", "[snippet]") {
  MatchTerms terms;
  terms.stems = {"espionag", "fortinet"};
  // Espionage early; both words together only at the end, beyond the budget.
  const std::string text = "Espionage first.\n" + filler(500) + "Espionage at Fortinet.\n";
  const Snippet bounded = make_snippet(text, terms, analyzer(), small_scan(), "en");
  CHECK(bounded.anchor == 0);
  SnippetOptions whole;
  whole.scan_budget_bytes = text.size();
  const Snippet unbounded = make_snippet(text, terms, analyzer(), whole, "en");
  CHECK(unbounded.anchor == text.rfind("Espionage"));
}

TEST_CASE("pieces are cut at line ends, so no word or phrase is split", "[snippet]") {
  MatchTerms terms;
  terms.phrases = {{"state", "security"}};
  // With 256-byte pieces, the phrase straddles a nominal cut unless pieces end at line breaks.
  std::string text = filler(4);
  text.resize(250, 'x');
  text += " state security here\n" + filler(40);
  const Snippet snippet = make_snippet(text, terms, analyzer(), small_scan(), "en");
  CHECK_THAT(marked(snippet), Catch::Contains("[state security]"));
}

TEST_CASE("an accented word past the scan budget is found: pieces are filtered on folded text", "[snippet]") {
  MatchTerms terms;
  terms.stems = {"securit"};
  const std::string text = filler(500) + "La S\u00e9curit\u00e9 nationale.\n";
  const Snippet snippet = make_snippet(text, terms, analyzer(), small_scan(), "fr");
  CHECK_THAT(marked(snippet), Catch::Contains("[S\u00e9curit\u00e9]"));
}
