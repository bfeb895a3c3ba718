#include "dossier/searcher/spelling.h"

#include <catch2/catch.hpp>

using dossier::searcher::edit_distance;
using dossier::searcher::nearest_word;
using dossier::searcher::parse_query;
using dossier::searcher::suggest_query;

namespace {

// An in-memory index whose vocabulary is `words`, each word in as many documents as given.
Xapian::WritableDatabase vocabulary(const std::vector<std::pair<std::string, int>>& words) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& [word, documents] : words) {
    for (int i = 0; i < documents; ++i) {
      Xapian::Document document;
      document.add_posting(word, 1);
      document.add_boolean_term("Zignored" + word);
      database.add_document(document);
    }
  }
  return database;
}

std::optional<std::string> suggestion(const Xapian::Database& database, const std::string& query) {
  static const dossier::analysis::Analyzer analyzer;
  return suggest_query(database, query, parse_query(query), analyzer);
}

}  // namespace

TEST_CASE("edit distance counts characters, not bytes", "[spelling]") {
  CHECK(edit_distance("espionnage", "espionage") == 1);
  CHECK(edit_distance("espoinage", "espionage") == 2);
  CHECK(edit_distance("s\u00e9curit\u00e9", "securite") == 2);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("the nearest word is a more frequent word a few edits away with the same first letter",
          "[spelling]") {
  const auto database = vocabulary({{"espionage", 3}, {"espionnage", 1}, {"dspionage", 5}, {"malware", 2}});
  CHECK(nearest_word(database, "espionnage") == "espionage");
  CHECK(nearest_word(database, "espionag") == "espionage");
  CHECK(nearest_word(database, "espionage") == std::nullopt);  // "dspionage" starts otherwise
  CHECK(nearest_word(database, "malwre") == "malware");
  CHECK(nearest_word(database, "nalware") == std::nullopt);  // another first letter
  CHECK(nearest_word(database, "mal") == std::nullopt);      // too short to correct
  CHECK(nearest_word(database, "mzlwzrz") == std::nullopt);  // too far for a 7-letter word
}

TEST_CASE("a suggestion replaces only the misspelt words of the query", "[spelling]") {
  const auto database = vocabulary({{"espionage", 3}, {"chinese", 2}, {"botnet", 2}});
  CHECK(suggestion(database, "Chinese espionnage") == "Chinese espionage");
  CHECK(suggestion(database, "espionnage AND botnnet") == "espionage AND botnet");
  CHECK(suggestion(database, "title:espionnage") == "title:espionage");
  CHECK(suggestion(database, "Chinese espionage") == std::nullopt);
}

TEST_CASE("identifiers, numbers, phrases and negated words are never corrected", "[spelling]") {
  const auto database = vocabulary({{"espionage", 3}, {"cve-2023-27997", 3}, {"20245", 3}});
  CHECK(suggestion(database, "CVE-2023-27998") == std::nullopt);
  CHECK(suggestion(database, "20244") == std::nullopt);
  CHECK(suggestion(database, "\"espionnage\"") == std::nullopt);
  CHECK(suggestion(database, "x -espionnage") == std::nullopt);
  CHECK(suggestion(database, "espionnage*") == std::nullopt);
}

TEST_CASE("a word is never corrected to an identifier or a number, however frequent", "[spelling]") {
  // "cyb3r" is one edit from "cybr" and far more frequent than "cyber"; the identifiers before it
  // in term order are skipped in one seek each, and the word after them is still found.
  const auto database = vocabulary(
      {{"cve-2021-44228", 40}, {"cve.example", 40}, {"cve2", 40}, {"cyb3r", 50}, {"cyber", 3}, {"cybr0", 9}});
  CHECK(nearest_word(database, "cybr") == "cyber");
  CHECK(nearest_word(database, "cvee") == std::nullopt);
}

TEST_CASE("a word with an apostrophe can still be the spelling suggested", "[spelling]") {
  const auto database = vocabulary({{"o'brien", 9}, {"o'brine", 1}});
  CHECK(nearest_word(database, "o'brine") == "o'brien");
}
