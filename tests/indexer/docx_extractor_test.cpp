#include "dossier/indexer/docx_extractor.h"

#include <catch2/catch.hpp>
#include <string>

#include "dossier/analysis/utf8.h"
#include "test_zip.h"

using dossier::indexer::extract_docx;
using dossier::indexer::ExtractionError;
using dossier::testing::build_zip;

namespace {

const std::string kDocument = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
  <w:body>
    <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
      <w:r><w:t>Covert </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>operations</w:t></w:r></w:p>
    <w:p><w:r><w:t>Name</w:t><w:tab/><w:t>MIVD</w:t><w:br/><w:t xml:space="preserve">next line </w:t></w:r></w:p>
    <w:p><w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del>
      <w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:r><w:t>kept</w:t></w:r></w:p>
    <w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell one</w:t></w:r></w:p></w:tc>
                 <w:tc><w:p><w:r><w:t>cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
    <w:p><w:r><mc:AlternateContent><mc:Choice><w:t>box text</w:t></mc:Choice>
      <mc:Fallback><w:t>box text again</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
  </w:body>
</w:document>)";

const std::string kCore = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <dc:title>Threat Assessment 2024</dc:title>
  <dc:subject>Espionage in Europe</dc:subject>
  <dc:creator>Britt Verregghen</dc:creator>
  <cp:keywords>MSS; espionage, Europe</cp:keywords>
  <dc:language>nl-NL</dc:language>
  <dcterms:created xsi:type="dcterms:W3CDTF">2024-02-13T08:00:00Z</dcterms:created>
</cp:coreProperties>)";

std::string docx(const std::string& document_xml, const std::string& core_xml = kCore) {
  std::vector<dossier::testing::ZipMember> members{{"[Content_Types].xml", "<Types/>"},
                                                   {"word/document.xml", document_xml}};
  if (!core_xml.empty()) members.emplace_back("docProps/core.xml", core_xml);
  return build_zip(members);
}

}  // namespace

TEST_CASE("docx paragraphs become lines with tabs, breaks and table cells", "[docx]") {
  const auto document = extract_docx(docx(kDocument));
  CHECK(document.text == "Covert operations\nName\tMIVD\nnext line \nkept\ncell one\ncell two\nbox text\n");
}

TEST_CASE("docx core properties become metadata", "[docx]") {
  const auto document = extract_docx(docx(kDocument));
  CHECK(document.title == "Threat Assessment 2024");
  CHECK(document.author == "Britt Verregghen");
  CHECK(document.description == "Espionage in Europe");
  CHECK(document.keywords == std::vector<std::string>{"MSS", "espionage", "Europe"});
  CHECK(document.language == "nl");
  REQUIRE(document.date.has_value());
  CHECK(document.date->to_iso() == "2024-02-13");
}

TEST_CASE("a docx without core properties takes its first line as title", "[docx]") {
  const auto document = extract_docx(docx(kDocument, ""));
  CHECK(document.title == "Covert operations");
  CHECK(document.author.empty());
  CHECK_FALSE(document.date.has_value());
}

TEST_CASE("the main document part is found through the package relationships", "[docx]") {
  const std::string relationships =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/)"
      R"(officeDocument" Target="/word/document2.xml"/></Relationships>)";
  const auto document = extract_docx(build_zip({{"_rels/.rels", relationships},
                                                {"word/document.xml", "<stale/>"},
                                                {"word/document2.xml", kDocument}}));
  CHECK(document.text.starts_with("Covert operations\n"));
}

TEST_CASE("docx footnotes are text too", "[docx]") {
  const std::string footnotes =
      R"(<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
      R"(<w:footnote><w:p><w:r><w:t>Source: Newsweek</w:t></w:r></w:p></w:footnote></w:footnotes>)";
  const auto document =
      extract_docx(build_zip({{"word/document.xml", kDocument}, {"word/footnotes.xml", footnotes}}));
  CHECK(document.text.ends_with("box text\nSource: Newsweek\n"));
}

TEST_CASE("bytes that are not a zip archive are not a docx", "[docx][hostile]") {
  CHECK_THROWS_WITH(extract_docx(""), "not a DOCX file (not a zip archive)");
  CHECK_THROWS_WITH(extract_docx("PK\x03\x04 truncated"), "not a DOCX file (not a zip archive)");
  CHECK_THROWS_WITH(extract_docx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0')),
                    "not a DOCX file (encrypted, or an old .doc file)");
  CHECK_THROWS_WITH(extract_docx(build_zip({{"content.xml", "<x/>"}})),
                    "not a DOCX file (no word/document.xml)");
}

TEST_CASE("a docx whose document is not xml is damaged", "[docx][hostile]") {
  CHECK_THROWS_WITH(extract_docx(build_zip({{"word/document.xml", "\x01\x02 not xml"}})),
                    "damaged DOCX (unreadable word/document.xml)");
}

TEST_CASE("a zip bomb member is refused before it fills memory", "[docx][hostile]") {
  const std::string bomb = build_zip({{"word/document.xml", std::string(std::size_t{20} << 20, ' ')}});
  REQUIRE(bomb.size() < 200'000);
  CHECK_THROWS_WITH(extract_docx(bomb),
                    "zip member word/document.xml has a suspicious compression ratio (zip bomb?)");
}

TEST_CASE("a truncated docx gives an error, never a crash", "[docx][hostile]") {
  const std::string whole = docx(kDocument);
  for (std::size_t length = 0; length < whole.size(); length += 11) {
    try {
      const auto document = extract_docx(std::string_view(whole).substr(0, length));
      CHECK(dossier::analysis::is_valid_utf8(document.text));
    } catch (const ExtractionError&) {
      SUCCEED();
    }
  }
}

TEST_CASE("hostile xml in a docx neither expands entities nor recurses", "[docx][hostile]") {
  const std::string laughs =
      R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">)"
      R"(<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>)"
      R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)"
      R"(<w:p><w:r><w:t>x&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>)";
  const auto document = extract_docx(build_zip({{"word/document.xml", laughs}}));
  CHECK(document.text.size() < 100);
  std::string deep = R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)";
  for (int i = 0; i < 100'000; ++i)
    deep += "<w:p>";
  CHECK_NOTHROW(extract_docx(build_zip({{"word/document.xml", deep}})));
}
