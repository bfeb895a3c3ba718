// Fuzzes the reading of a `search --batch` file: any bytes split into queries whose line numbers
// rise and stay within the text, none blank or a comment, each either parsed by the query language
// or refused with QuerySyntaxError.
#include <algorithm>
#include <string_view>

#include "dossier/searcher/batch_search.h"
#include "dossier/searcher/query_parser.h"
#include "dossier/searcher/search_errors.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = dossier::fuzz::as_text(data, size);
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  std::size_t previous = 0;
  for (const dossier::searcher::BatchQuery& query : dossier::searcher::parse_batch(text)) {
    dossier::fuzz::require(query.line > previous && query.line <= lines,
                           "batch line numbers rise within the text");
    dossier::fuzz::require(!query.query.empty() && query.query.front() != '#',
                           "no blank or comment line is a query");
    previous = query.line;
    try {
      (void)dossier::searcher::parse_query(query.query);
    } catch (const dossier::searcher::QuerySyntaxError&) {
      // Expected: the batch names the line and goes on.
    }
  }
  return 0;
}
