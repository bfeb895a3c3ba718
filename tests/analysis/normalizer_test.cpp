#include "dossier/analysis/normalizer.h"

#include <catch2/catch.hpp>

using dossier::analysis::Normalizer;

TEST_CASE("folding removes case and Latin diacritics", "[normalizer]") {
  const Normalizer normalizer;
  CHECK(normalizer.fold("S\u00e9curit\u00e9") == "securite");
  CHECK(normalizer.fold("S\u00c9CURIT\u00c9") == "securite");
  CHECK(normalizer.fold("Bj\u00f8rn\u00e5s") == "bj\u00f8rnas");  // ø is a letter, å a with ring
  CHECK(normalizer.fold("\u1f08\u03b8\u03ae\u03bd\u03b1") ==
        "\u03b1\u03b8\u03b7\u03bd\u03b1");  // Greek tonos
}

TEST_CASE("folding applies NFKC compatibility forms", "[normalizer]") {
  const Normalizer normalizer;
  CHECK(normalizer.fold("\ufb01le") == "file");
  CHECK(normalizer.fold("\uff21\uff22\uff23") == "abc");
  CHECK(normalizer.fold("Stra\u00dfe") == "strasse");
}

TEST_CASE("marks that make a different letter are kept", "[normalizer]") {
  const Normalizer normalizer;
  CHECK(normalizer.fold("\u0419\u043e\u0448\u043a\u0430") == "\u0439\u043e\u0448\u043a\u0430");  // Cyrillic й
  CHECK(normalizer.fold("\u304c") == "\u304c");  // Japanese が keeps its voicing mark
}

TEST_CASE("typographic apostrophes become ASCII ones", "[normalizer]") {
  const Normalizer normalizer;
  CHECK(normalizer.fold("China\u2019s") == "china's");
  CHECK(normalizer.fold("l\u02bcEurope") == "l'europe");
}
