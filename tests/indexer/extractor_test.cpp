#include "dossier/indexer/extractor.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/text_extractor.h"
#include "test_pdf.h"
#include "test_zip.h"

using dossier::indexer::extract;
using dossier::indexer::ExtractionError;
using dossier::indexer::FileFormat;

namespace {

std::string read_corpus(const std::string& name) {
  std::ifstream file(std::string(DOSSIER_CORPUS_DIR) + "/" + name, std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

constexpr FileFormat kAllFormats[] = {FileFormat::PlainText, FileFormat::Markdown, FileFormat::Html,
                                      FileFormat::Pdf,       FileFormat::Docx,     FileFormat::Odt};

}  // namespace

TEST_CASE("the first seed report gives author, month and its heading as title", "[extractor]") {
  const auto document = extract(FileFormat::PlainText, read_corpus("chinese-espionage-in-europe.txt"));
  CHECK(document.author == "Britt Verregghen");
  REQUIRE(document.date.has_value());
  CHECK(document.date->to_iso() == "2024-03");
  // Line 2 is a paragraph; line 3 is the heading.
  CHECK(document.title == "Covert Operations in Europe");
}

TEST_CASE("a format's own metadata wins over the text's byline", "[extractor]") {
  const auto document =
      extract(FileFormat::Markdown, "---\nauthor: Front Author\n---\nBy Jane Doe\n\nMarch 2024\n");
  CHECK(document.author == "Front Author");
  REQUIRE(document.date.has_value());
  CHECK(document.date->to_iso() == "2024-03");  // the front matter had no date
}

TEST_CASE("bylines in the text fill in for every format", "[extractor]") {
  const auto html = extract(FileFormat::Html,
                            "<title>T</title><p>By Mark Arena, CEO of Intel 471.</p><p>Feb. 13, 2024</p>");
  CHECK(html.author == "Mark Arena");
  CHECK(html.date->to_iso() == "2024-02-13");
  const auto pdf =
      extract(FileFormat::Pdf,
              dossier::testing::build_pdf({{{"Written by Britt Verregghen - March 2024", "Body"}}, {}, {}}));
  CHECK(pdf.author == "Britt Verregghen");
  CHECK(pdf.date->to_iso() == "2024-03");
  CHECK(pdf.title == "Body");
  const auto docx = extract(
      FileFormat::Docx,
      dossier::testing::build_zip(
          {{"word/document.xml",
            R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)"
            R"(<w:p><w:r><w:t>Author: Jane Doe</w:t></w:r></w:p></w:body></w:document>)"}}));
  CHECK(docx.author == "Jane Doe");
}

TEST_CASE("empty input is an empty document or a reason, in every format", "[extractor][hostile]") {
  for (FileFormat format : kAllFormats) {
    INFO(dossier::indexer::format_name(format));
    try {
      const auto document = extract(format, "");
      CHECK(document.text.empty());
      CHECK(document.title.empty());
    } catch (const ExtractionError& e) {
      CHECK_FALSE(std::string(e.what()).empty());
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
    }
  }
}

TEST_CASE("random bytes give valid UTF-8 or a one-line reason, in every format", "[extractor][hostile]") {
  std::string noise;
  std::uint32_t state = 99;
  for (int i = 0; i < 100'000; ++i) {
    state = state * 1103515245 + 12345;
    noise.push_back(static_cast<char>(state >> 24));
  }
  for (FileFormat format : kAllFormats) {
    INFO(dossier::indexer::format_name(format));
    for (const std::string& prefix :
         {std::string(), std::string("%PDF-1.7\n"), std::string("PK\x03\x04"), std::string("<html><body>")}) {
      try {
        const auto document = extract(format, prefix + noise);
        CHECK(dossier::analysis::is_valid_utf8(document.text));
        CHECK(dossier::analysis::is_valid_utf8(document.title));
        CHECK(dossier::analysis::is_valid_utf8(document.author));
        CHECK(document.title.find('\n') == std::string::npos);
      } catch (const ExtractionError& e) {
        CHECK(std::string(e.what()).find('\n') == std::string::npos);
      }
    }
  }
}

TEST_CASE("a Markdown date that reads as an ordered list item keeps its day", "[extractor]") {
  // "6. februar 2025" is an ordered list item to Markdown; its number is the date's day.
  const auto document =
      extract(FileFormat::Markdown,
              "---\ntitle: Trusselbilde\n---\nSkrevet av Ola Nordmann\n\n6. februar 2025\n\n"
              "Politiets sikkerhetstjeneste vurderer at etterretningstjenester er truslene.\n",
              {});
  REQUIRE(document.date.has_value());
  CHECK(document.date->to_iso() == "2025-02-06");
  CHECK(document.author == "Ola Nordmann");
}
