#include "dossier/analysis/digest.h"

#include <catch2/catch.hpp>
#include <unordered_set>

using dossier::analysis::Digest;
using dossier::analysis::digest_hex;
using dossier::analysis::digest_of;
using dossier::analysis::DigestHash;
using dossier::analysis::parse_digest;

TEST_CASE("digests are XXH3-128 written high half first, as indexes store them", "[digest]") {
  // Reference values printed by libxxhash itself (XXH3_128bits, "%016llx%016llx" of high, low).
  CHECK(digest_hex("") == "99aa06d3014798d86001c324468d497f");
  CHECK(digest_hex("/reports/a.txt") == "0886683b09a9632c00d4f26faf6bcc50");
  CHECK(digest_of("/reports/a.txt").hex() == digest_hex("/reports/a.txt"));
}

TEST_CASE("a digest read back from its hex digits is the same value", "[digest]") {
  const Digest digest = digest_of("/reports/a.txt");
  CHECK(parse_digest(digest.hex()) == digest);
  CHECK(parse_digest("0886683B09A9632C00D4F26FAF6BCC50") == digest);
  CHECK(parse_digest("00000000000000000000000000000001") == Digest{0, 1});
}

TEST_CASE("anything but 32 hex digits is not a digest", "[digest]") {
  CHECK_FALSE(parse_digest("").has_value());
  CHECK_FALSE(parse_digest("0886683b09a9632c00d4f26faf6bcc5").has_value());
  CHECK_FALSE(parse_digest("0886683b09a9632c00d4f26faf6bcc500").has_value());
  CHECK_FALSE(parse_digest("0886683b09a9632c00d4f26faf6bcc5g").has_value());
  CHECK_FALSE(parse_digest("-886683b09a9632c00d4f26faf6bcc50").has_value());
}

TEST_CASE("digests of different bytes differ and hash apart", "[digest]") {
  std::unordered_set<Digest, DigestHash> seen;
  for (int i = 0; i < 1000; ++i)
    seen.insert(digest_of("/reports/" + std::to_string(i) + ".txt"));
  CHECK(seen.size() == 1000);
}
