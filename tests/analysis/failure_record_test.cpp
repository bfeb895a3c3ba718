#include "dossier/analysis/failure_record.h"

#include <catch2/catch.hpp>
#include <string>

using dossier::analysis::decode_failure;
using dossier::analysis::encode_failure;
using dossier::analysis::FailureRecord;

TEST_CASE("a failure record reads back whole, whatever bytes its path holds", "[failure_record]") {
  const FailureRecord record{2000,
                             -5,
                             "ab12",
                             "2026-12-02T10:00:00Z",
                             std::string("/r/a\tb\n\xff.txt", 13),
                             "larger than 1000 bytes\twith a tab"};
  const auto decoded = decode_failure(encode_failure(record));
  REQUIRE(decoded);
  CHECK(decoded->size == 2000);
  CHECK(decoded->mtime_ns == -5);
  CHECK(decoded->root_digest == "ab12");
  CHECK(decoded->since == "2026-12-02T10:00:00Z");
  CHECK(decoded->path == record.path);
  CHECK(decoded->reason == record.reason);
}

TEST_CASE("a damaged or foreign failure value is not a record", "[failure_record]") {
  CHECK_FALSE(decode_failure(""));
  CHECK_FALSE(decode_failure("12\t34\tab\treason"));                    // schema 2's format
  CHECK_FALSE(decode_failure("12\t34\tab\t2026\t99\t/short\treason"));  // path shorter than its length
  CHECK_FALSE(decode_failure("x\t34\tab\t2026\t2\t/a\treason"));
  CHECK(decode_failure("12\t34\tab\t\t2\t/a\t"));  // no since, empty reason: still a record
}
