#include "dossier/indexer/file_format.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>

#include "dossier/analysis/schema.h"

using dossier::indexer::FileFormat;
using dossier::indexer::format_for_path;

TEST_CASE("formats are recognised by extension in any case", "[file_format]") {
  CHECK(format_for_path("/r/a.txt") == FileFormat::PlainText);
  CHECK(format_for_path("/r/A.TXT") == FileFormat::PlainText);
  CHECK(format_for_path("/r/b.md") == FileFormat::Markdown);
  CHECK(format_for_path("/r/c.Markdown") == FileFormat::Markdown);
  CHECK(format_for_path("/r/d.pdf") == FileFormat::Pdf);
  CHECK(format_for_path("/r/e.HTM") == FileFormat::Html);
  CHECK(format_for_path("/r/e.html") == FileFormat::Html);
  CHECK(format_for_path("/r/e.xhtml") == FileFormat::Html);
  CHECK(format_for_path("/r/f.Docx") == FileFormat::Docx);
  CHECK(format_for_path("/r/g.odt") == FileFormat::Odt);
  CHECK_FALSE(format_for_path("/r/txt").has_value());
  CHECK_FALSE(format_for_path("/r/h.doc").has_value());
  CHECK_FALSE(format_for_path("/r/i.pdf.bak").has_value());
}

TEST_CASE("only the file name's last dot counts, and not at the name's start", "[file_format]") {
  CHECK_FALSE(format_for_path("/r/.txt").has_value());
  CHECK_FALSE(format_for_path("/r/notes.txt/readme").has_value());
  CHECK(format_for_path("/r/.hidden.md") == FileFormat::Markdown);
  CHECK(format_for_path("relative.txt") == FileFormat::PlainText);
  CHECK_FALSE(format_for_path("").has_value());
}

TEST_CASE("each format has a short stable name", "[file_format]") {
  CHECK(dossier::indexer::format_name(FileFormat::PlainText) == "txt");
  CHECK(dossier::indexer::format_name(FileFormat::Markdown) == "md");
  CHECK(dossier::indexer::format_name(FileFormat::Html) == "html");
  CHECK(dossier::indexer::format_name(FileFormat::Pdf) == "pdf");
  CHECK(dossier::indexer::format_name(FileFormat::Docx) == "docx");
  CHECK(dossier::indexer::format_name(FileFormat::Odt) == "odt");
}

TEST_CASE("every format name is one the schema lists for type: queries", "[file_format]") {
  const auto& listed = dossier::analysis::schema::kFormatNames;
  for (FileFormat format : {FileFormat::PlainText, FileFormat::Markdown, FileFormat::Html, FileFormat::Pdf,
                            FileFormat::Docx, FileFormat::Odt}) {
    CHECK(std::find(std::begin(listed), std::end(listed), dossier::indexer::format_name(format)) !=
          std::end(listed));
  }
  CHECK(std::size(listed) == 6);
}
