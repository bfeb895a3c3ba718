// Fuzzes the query language parser: any bytes either parse into a tree that renders, or fail with
// QuerySyntaxError. Anything else (another exception, a crash, a stack overflow) is a finding.
#include <string_view>

#include "dossier/searcher/query_parser.h"
#include "dossier/searcher/search_errors.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query = dossier::fuzz::as_text(data, size);
  try {
    const dossier::searcher::QueryNode tree = dossier::searcher::parse_query(query);
    dossier::fuzz::require(!dossier::searcher::to_string(tree).empty(), "a parsed query renders");
  } catch (const dossier::searcher::QuerySyntaxError&) {
    // Expected for malformed queries.
  }
  return 0;
}
