#include "dossier/analysis/schema.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>

namespace schema = dossier::analysis::schema;

TEST_CASE("encoded integers sort in numeric order and decode back", "[schema]") {
  const std::int64_t values[] = {
      std::numeric_limits<std::int64_t>::min(), -1'000'000, -1, 0, 1, 255, 256, 1'710'000'000'000'000'000,
      std::numeric_limits<std::int64_t>::max()};
  for (std::size_t i = 0; i < std::size(values); ++i) {
    CHECK(schema::decode_int64(schema::encode_int64(values[i])) == values[i]);
    if (i > 0) CHECK(schema::encode_int64(values[i - 1]) < schema::encode_int64(values[i]));
  }
  CHECK_FALSE(schema::decode_int64("short").has_value());
}

TEST_CASE("unique terms are fixed-length digests of the path", "[schema]") {
  const std::string term = schema::unique_term("/a/very/long/path/" + std::string(1000, 'x'));
  CHECK(term.size() == 33);
  CHECK(term.starts_with("Q"));
  CHECK(term == schema::unique_term("/a/very/long/path/" + std::string(1000, 'x')));
  CHECK(term != schema::unique_term("/a/very/long/path/"));
}
