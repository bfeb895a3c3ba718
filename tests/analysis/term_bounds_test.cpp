#include "dossier/analysis/term_bounds.h"

#include <catch2/catch.hpp>

#include "dossier/analysis/utf8.h"

using dossier::analysis::bound_term;
using dossier::analysis::kMaxTermBytes;

TEST_CASE("terms that fit are left alone", "[term_bounds]") {
  CHECK(bound_term("espionage") == "espionage");
  CHECK(bound_term(std::string(kMaxTermBytes, 'a')) == std::string(kMaxTermBytes, 'a'));
}

TEST_CASE("long terms keep a readable prefix and a digest of the whole", "[term_bounds]") {
  const std::string long_term(kMaxTermBytes + 1, 'a');
  const std::string bounded = bound_term(long_term);
  CHECK(bounded.size() <= kMaxTermBytes);
  CHECK(bounded.starts_with(std::string(100, 'a')));
  CHECK(bounded == bound_term(long_term));
  CHECK(bounded != bound_term(long_term + "a"));
}

TEST_CASE("a long term of multi-byte characters is cut on a character boundary", "[term_bounds]") {
  std::string chinese;
  for (int i = 0; i < 200; ++i)
    chinese += "\xe4\xb8\xad";
  CHECK(dossier::analysis::is_valid_utf8(bound_term(chinese)));
}
