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

TEST_CASE("a facet key keeps the period at the date's precision and decodes back", "[schema]") {
  CHECK(schema::facet_period(*dossier::analysis::make_date(2024, 3, 6)) == "202403");
  CHECK(schema::facet_period(*dossier::analysis::make_date(2024, 3)) == "202403");
  CHECK(schema::facet_period(*dossier::analysis::make_date(2024)) == "2024");
  CHECK(schema::facet_period(*dossier::analysis::make_date(999, 1)) == "099901");
  const schema::FacetKey key{"202403", "no", "pdf"};
  CHECK(schema::encode_facet_key(key) == "202403|no|pdf");
  CHECK(schema::decode_facet_key(schema::encode_facet_key(key)) == key);
  const schema::FacetKey undated{"", "", "txt"};
  CHECK(schema::decode_facet_key(schema::encode_facet_key(undated)) == undated);
  CHECK(schema::decode_facet_key("") == schema::FacetKey{});
  CHECK(schema::decode_facet_key("2024") == schema::FacetKey{"2024", "", ""});
}
