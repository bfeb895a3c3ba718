#include "dossier/indexer/file_format.h"

#include <catch2/catch.hpp>

using dossier::indexer::FileFormat;
using dossier::indexer::format_for_path;

TEST_CASE("formats are recognised by extension in any case", "[file_format]") {
  CHECK(format_for_path("/r/a.txt") == FileFormat::PlainText);
  CHECK(format_for_path("/r/A.TXT") == FileFormat::PlainText);
  CHECK(format_for_path("/r/b.md") == FileFormat::Markdown);
  CHECK(format_for_path("/r/c.Markdown") == FileFormat::Markdown);
  CHECK_FALSE(format_for_path("/r/d.pdf").has_value());
  CHECK_FALSE(format_for_path("/r/txt").has_value());
  CHECK(dossier::indexer::format_name(FileFormat::Markdown) == "md");
}
