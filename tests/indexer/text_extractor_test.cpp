#include "dossier/indexer/text_extractor.h"

#include <catch2/catch.hpp>

#include "dossier/analysis/utf8.h"

using dossier::indexer::extract_plain_text;
using dossier::indexer::first_line_title;

TEST_CASE("the title of a text is its first non-empty line, trimmed", "[text_extractor]") {
  CHECK(extract_plain_text("\n\n   Covert Operations in Europe  \r\nbody").title ==
        "Covert Operations in Europe");
  CHECK(extract_plain_text("").title.empty());
  CHECK(extract_plain_text(" \n\t\n").title.empty());
}

TEST_CASE("a byte order mark is dropped and invalid bytes replaced", "[text_extractor]") {
  const auto document = extract_plain_text("\xEF\xBB\xBFTitle\xff\nbody");
  CHECK(document.title == "Title\xEF\xBF\xBD");
  CHECK(dossier::analysis::is_valid_utf8(document.text));
}

TEST_CASE("an overlong first line gives a title cut on a character boundary", "[text_extractor]") {
  std::string line;
  for (int i = 0; i < 400; ++i)
    line += "\xe4\xb8\xad";
  const std::string title = first_line_title(line);
  CHECK(title.size() <= dossier::indexer::kMaxTitleBytes);
  CHECK(dossier::analysis::is_valid_utf8(title));
}
