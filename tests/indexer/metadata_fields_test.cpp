#include "dossier/indexer/metadata_fields.h"

#include <catch2/catch.hpp>

using dossier::indexer::language_code;
using dossier::indexer::one_line;
using dossier::indexer::split_keywords;

TEST_CASE("a metadata string becomes one trimmed line of valid UTF-8", "[metadata_fields]") {
  CHECK(one_line("  Covert\n\toperations \r\n in  Europe ") == "Covert operations in Europe");
  CHECK(one_line("bad\xFF") == "bad\xEF\xBF\xBD");
  CHECK(one_line("\xC3\xA9\xC3\xA9\xC3\xA9", 5) == "\xC3\xA9\xC3\xA9");
  CHECK(one_line("word word", 5) == "word");
  CHECK(one_line("").empty());
}

TEST_CASE("keywords are split, trimmed and empty ones dropped", "[metadata_fields]") {
  CHECK(split_keywords(" MSS, espionage ,, Europe ,") ==
        std::vector<std::string>{"MSS", "espionage", "Europe"});
  CHECK(split_keywords("a;b,c", ",;") == std::vector<std::string>{"a", "b", "c"});
  CHECK(split_keywords("a;b") == std::vector<std::string>{"a;b"});
  CHECK(split_keywords(" , ").empty());
}

TEST_CASE("language tags become two-letter codes", "[metadata_fields]") {
  CHECK(language_code("en-GB") == "en");
  CHECK(language_code("FR_fr") == "fr");
  CHECK(language_code(" de ") == "de");
  CHECK(language_code("nb") == "nb");
  CHECK(language_code("eng") == "");
  CHECK(language_code("x-klingon") == "");
  CHECK(language_code("") == "");
  CHECK(language_code("\xC3\xA9n") == "");
}
