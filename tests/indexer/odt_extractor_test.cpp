#include "dossier/indexer/odt_extractor.h"

#include <catch2/catch.hpp>
#include <string>

#include "test_zip.h"

using dossier::indexer::extract_odt;
using dossier::indexer::ExtractionError;
using dossier::testing::build_zip;

namespace {

const std::string kContent = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
  <office:automatic-styles><style>not text</style></office:automatic-styles>
  <office:body>
    <office:text>
      <text:h text:outline-level="1">Trusselvurdering   2024</text:h>
      <text:p>Spionasje<text:s text:c="3"/>mot<text:tab/>Norge<text:line-break/>ny linje</text:p>
      <text:p>Note<text:note><text:note-citation>1</text:note-citation>
        <text:note-body><text:p>Fotnote</text:p></text:note-body></text:note> slutt</text:p>
      <text:p><office:annotation><text:p>a comment</text:p></office:annotation>after comment</text:p>
      <text:tracked-changes><text:changed-region><text:deletion><text:p>removed</text:p></text:deletion>
      </text:changed-region></text:tracked-changes>
      <table:table><table:table-row><table:table-cell><text:p>celle</text:p></table:table-cell>
      </table:table-row></table:table>
      <text:p>huge<text:s text:c="2000000000"/>count</text:p>
    </office:text>
  </office:body>
</office:document-content>)";

const std::string kMeta = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <office:meta>
    <dc:title>Trusselvurdering</dc:title>
    <meta:initial-creator>Ola Nordmann</meta:initial-creator>
    <dc:creator>Kari Editor</dc:creator>
    <meta:creation-date>2024-02-05T10:00:00</meta:creation-date>
    <dc:date>2024-03-01T10:00:00</dc:date>
    <meta:keyword>PST</meta:keyword>
    <meta:keyword>spionasje, Kina</meta:keyword>
    <dc:subject>Emne</dc:subject>
    <dc:description>Sammendrag</dc:description>
    <dc:language>nb-NO</dc:language>
  </office:meta>
</office:document-meta>)";

}  // namespace

TEST_CASE("odt paragraphs and headings become lines with odf white space rules", "[odt]") {
  const auto document = extract_odt(build_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                               {"content.xml", kContent},
                                               {"meta.xml", kMeta}}));
  const std::string hundred_spaces(100, ' ');
  CHECK(document.text ==
        "Trusselvurdering 2024\nSpionasje   mot\tNorge\nny linje\nNote\nFotnote\nslutt\nafter "
        "comment\ncelle\nhuge" +
            hundred_spaces + "count\n");
}

TEST_CASE("odt meta.xml becomes metadata, the initial creator being the author", "[odt]") {
  const auto document = extract_odt(build_zip({{"content.xml", kContent}, {"meta.xml", kMeta}}));
  CHECK(document.title == "Trusselvurdering");
  CHECK(document.author == "Ola Nordmann");
  REQUIRE(document.date.has_value());
  CHECK(document.date->to_iso() == "2024-02-05");
  CHECK(document.keywords == std::vector<std::string>{"PST", "spionasje", "Kina"});
  CHECK(document.description == "Sammendrag");
  CHECK(document.language == "nb");
}

TEST_CASE("an odt without meta.xml takes its first line as title", "[odt]") {
  const auto document = extract_odt(build_zip({{"content.xml", kContent}}));
  CHECK(document.title == "Trusselvurdering 2024");
  CHECK(document.author.empty());
}

TEST_CASE("bytes that are not an odt archive give a reason", "[odt][hostile]") {
  CHECK_THROWS_WITH(extract_odt("just text"), "not an ODT file (not a zip archive)");
  CHECK_THROWS_WITH(extract_odt(build_zip({{"word/document.xml", "<x/>"}})),
                    "not an ODT file (no content.xml)");
  CHECK_THROWS_WITH(extract_odt(build_zip({{"content.xml", ""}})), "damaged ODT (unreadable content.xml)");
  CHECK_THROWS_AS(extract_odt(build_zip({{"content.xml", std::string(std::size_t{20} << 20, 'a')}})),
                  ExtractionError);
}
