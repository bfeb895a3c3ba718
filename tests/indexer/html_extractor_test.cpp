#include "dossier/indexer/html_extractor.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "dossier/analysis/utf8.h"

using dossier::indexer::extract_html;
using dossier::indexer::ExtractionError;

namespace {

constexpr const char* kArticle = R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>  Covert Operations
     in Europe </title>
  <meta name="author" content="Britt Verregghen">
  <meta property="article:published_time" content="2024-03-06T09:30:00+01:00">
  <meta name="description" content="How the MSS works in Europe.">
  <meta property="og:description" content="An og description that loses.">
  <meta name="keywords" content="espionage, MSS , ,Europe">
  <link rel="canonical" href="https://example.org/reports/covert">
  <meta property="og:url" content="https://example.org/og">
  <style>body { font-family: secretstyle; }</style>
  <script>var trackingScript = "do not index";</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/menu">Sitemenu</a></nav>
  <header>Sitebanner</header>
  <main>
    <article>
      <header><h1>Covert &amp; overt</h1></header>
      <p>The MIVD&nbsp;found malware&mdash;on Fortinet&#8217;s systems.</p><p>Second paragraph</p>
      <ul><li>one</li><li>two</li></ul>
      <table><tr><td>cell</td><td>next</td></tr></table>
      line<br>break
      <pre>  keep   spaces  </pre>
      <noscript>Enable javascript</noscript>
      <template><p>templated</p></template>
      <svg><title>svgtitle</title><text>svgtext</text></svg>
      <footer>Article footer stays</footer>
    </article>
  </main>
  <aside>Related stories</aside>
  <footer>Copyright boilerplate</footer>
  <script>trackingScript2()</script>
</body>
</html>)";

}  // namespace

TEST_CASE("html body text keeps what a reader sees and drops scripts, styles and navigation", "[html]") {
  const auto document = extract_html(kArticle);
  for (const char* gone :
       {"trackingScript", "secretstyle", "Sitemenu", "Sitebanner", "Related stories", "Copyright",
        "Enable javascript", "templated", "svgtitle", "svgtext", "Covert Operations"}) {
    INFO(gone);
    CHECK(document.text.find(gone) == std::string::npos);
  }
  CHECK(document.text.find("Covert & overt\n") != std::string::npos);
  CHECK(document.text.find("Article footer stays") != std::string::npos);
}

TEST_CASE("html entities are decoded and block elements end lines", "[html]") {
  const auto document = extract_html(kArticle);
  CHECK(
      document.text.find("The MIVD\xC2\xA0"
                         "found malware\xE2\x80\x94on Fortinet\xE2\x80\x99s systems.\nSecond paragraph\n") !=
      std::string::npos);
  CHECK(document.text.find("\none\ntwo\n") != std::string::npos);
  CHECK(document.text.find("cell next") != std::string::npos);
  CHECK(document.text.find("line\nbreak") != std::string::npos);
  CHECK(document.text.find("  keep   spaces  ") != std::string::npos);
}

TEST_CASE("words in adjacent block elements never run together", "[html]") {
  const auto document = extract_html("<div>alpha</div><div>beta</div><p>gamma<p>delta<h2>epsilon</h2>zeta");
  CHECK(document.text == "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\n");
}

TEST_CASE("html metadata comes from title, meta and link elements", "[html]") {
  const auto document = extract_html(kArticle);
  CHECK(document.title == "Covert Operations in Europe");
  CHECK(document.author == "Britt Verregghen");
  REQUIRE(document.date.has_value());
  CHECK(document.date->to_iso() == "2024-03-06");
  CHECK(document.description == "How the MSS works in Europe.");
  CHECK(document.keywords == std::vector<std::string>{"espionage", "MSS", "Europe"});
  CHECK(document.canonical_url == "https://example.org/reports/covert");
  CHECK(document.language == "en");
}

TEST_CASE("without a title element the first h1 is the title, and og fields are fallbacks", "[html]") {
  const auto document = extract_html(
      "<html lang='FR'><head><meta property='og:description' content='Og text'>"
      "<meta property='og:url' content='https://example.org/x'>"
      "<meta property='article:author' content='https://facebook.com/someone'>"
      "<meta name='dc.creator' content='Jean Dupont'><meta name='DC.date' content='2024-02'>"
      "<meta property='article:tag' content='Russie'></head>"
      "<body><p>intro</p><h1>Ing\xC3\xA9rence <em>\xC3\xA9trang\xC3\xA8re</em></h1></body></html>");
  CHECK(document.title == "Ing\xC3\xA9rence \xC3\xA9trang\xC3\xA8re");
  CHECK(document.description == "Og text");
  CHECK(document.canonical_url == "https://example.org/x");
  CHECK(document.author == "Jean Dupont");
  REQUIRE(document.date.has_value());
  CHECK(document.date->to_iso() == "2024-02");
  CHECK(document.keywords == std::vector<std::string>{"Russie"});
  CHECK(document.language == "fr");
}

TEST_CASE("a page without title or h1 takes its first line as title", "[html]") {
  CHECK(extract_html("<p>Just a paragraph</p><p>more</p>").title == "Just a paragraph");
}

TEST_CASE("a declared legacy charset is converted to UTF-8", "[html]") {
  const auto latin1 = extract_html(
      "<meta charset='iso-8859-1'><p>S\xE9"
      "curit\xE9 \x93quoted\x94</p>");
  CHECK(latin1.text ==
        "S\xC3\xA9"
        "curit\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\n");
  const auto koi8 = extract_html(
      "<meta http-equiv='Content-Type' content='text/html; charset=koi8-r'><p>\xF2\xEF\xF3\xF3\xE9\xF1</p>");
  CHECK(koi8.text == "\xD0\xA0\xD0\x9E\xD0\xA1\xD0\xA1\xD0\x98\xD0\xAF\n");
}

TEST_CASE("undeclared bytes that are not UTF-8 still give valid UTF-8", "[html]") {
  const auto document = extract_html("<p>caf\xE9 \x96 na\xEFve</p><p>\xFF\xFE\x80</p>");
  CHECK(dossier::analysis::is_valid_utf8(document.text));
  CHECK(document.text.find("caf\xC3\xA9 \xE2\x80\x93 na\xC3\xAFve") != std::string::npos);
}

TEST_CASE("numeric references to C1 controls mean windows-1252 characters", "[html]") {
  CHECK(extract_html("<p>a&#150;b &#147;c&#148;</p>").text ==
        "a\xE2\x80\x93"
        "b \xE2\x80\x9C"
        "c\xE2\x80\x9D\n");
}

TEST_CASE("xhtml with an xml declaration and namespaces is read", "[html]") {
  const auto document = extract_html(
      "<?xml version='1.0' encoding='UTF-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml' xml:lang='de-AT'>"
      "<head><title>Bericht</title></head><body><p>Spionage<br/>Abwehr</p><script><![CDATA[x()]]></script>"
      "</body></html>");
  CHECK(document.title == "Bericht");
  CHECK(document.text == "Spionage\nAbwehr\n");
  CHECK(document.language == "de");
}

TEST_CASE("html nested 200000 deep neither crashes nor hangs and keeps the text before the nesting",
          "[html][hostile]") {
  std::string html = "<p>Preamble survives</p>";
  for (int i = 0; i < 200'000; ++i)
    html += "<div>";
  html += "deep";
  for (int i = 0; i < 200'000; ++i)
    html += "</div>";
  html += "<p>after</p>";
  const auto started = std::chrono::steady_clock::now();
  const auto document = extract_html(html);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
  CHECK(dossier::analysis::is_valid_utf8(document.text));
  CHECK(document.text.starts_with("Preamble survives\n"));
}

TEST_CASE("end tags that close nothing under deep nesting do not make parsing quadratic", "[html][hostile]") {
  std::string html;
  for (int i = 0; i < 100'000; ++i)
    html += "<div>";
  for (int i = 0; i < 100'000; ++i)
    html += "</span>";
  const auto started = std::chrono::steady_clock::now();
  CHECK_NOTHROW(extract_html(html));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
}

TEST_CASE("nesting within libxml2's depth limit keeps all the text", "[html]") {
  std::string html = "<p>before</p>";
  for (int i = 0; i < 200; ++i)
    html += "<div>";
  html += "deep";
  for (int i = 0; i < 200; ++i)
    html += "</div>";
  CHECK(extract_html(html + "<p>after</p>").text == "before\ndeep\nafter\n");
}

TEST_CASE("hostile html gives a sane document or an error", "[html][hostile]") {
  CHECK(extract_html("").text.empty());
  CHECK(extract_html("   \n").title.empty());
  for (const std::string& input :
       {std::string("<"), std::string("<<<<>>>>"), std::string("\0\0\0<p>x", 8),
        std::string("<meta charset='no-such-charset'><p>x\xFF</p>"),
        std::string("<meta charset='utf-16'><p>odd</p>"), std::string(10'000, '<'),
        std::string("<!--") + std::string(10'000, '-'), std::string("\xFF\xFE<\0p\0>\0", 8)}) {
    try {
      const auto document = extract_html(input);
      CHECK(dossier::analysis::is_valid_utf8(document.text));
      CHECK(dossier::analysis::is_valid_utf8(document.title));
    } catch (const ExtractionError& e) {
      CHECK(std::string(e.what()) == "unreadable HTML");
    }
  }
}
