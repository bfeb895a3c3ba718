// Reading a batch of queries: one per line, comments and blank lines left out.
#include "dossier/searcher/batch_search.h"

#include <catch2/catch.hpp>

using dossier::searcher::BatchQuery;
using dossier::searcher::parse_batch;

namespace {

std::vector<std::pair<std::size_t, std::string>> lines_of(std::string_view text) {
  std::vector<std::pair<std::size_t, std::string>> out;
  for (const BatchQuery& query : parse_batch(text))
    out.emplace_back(query.line, query.query);
  return out;
}

}  // namespace

TEST_CASE("a batch keeps each query with its line number, trimmed", "[searcher][batch]") {
  CHECK(lines_of("MSS\n  APT40 Norway \t\r\nFortinet") ==
        std::vector<std::pair<std::size_t, std::string>>{{1, "MSS"}, {2, "APT40 Norway"}, {3, "Fortinet"}});
}

TEST_CASE("comments and blank lines of a batch are no queries but count as lines", "[searcher][batch]") {
  CHECK(lines_of("# names\n\n   \n  # indented comment\nMSS # not a comment here\n") ==
        std::vector<std::pair<std::size_t, std::string>>{{5, "MSS # not a comment here"}});
  CHECK(parse_batch("").empty());
  CHECK(parse_batch("\n\n#\n").empty());
}
