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

std::optional<std::string> suggestion(const Xapian::Database& database, const std::string& query,
                                      const dossier::searcher::EntityResolver* names = nullptr) {
  static const dossier::analysis::Analyzer analyzer;
  return suggest_query({database, analyzer, {}, names}, query, parse_query(query));
}

// Knows one actor by its acronym and its name.
class Agencies : public dossier::searcher::EntityResolver {
 public:
  std::vector<std::string> resolve_country(std::string_view) const override { return {}; }
  std::vector<std::string> resolve_actor(std::string_view) const override { return {}; }
  std::string resolve_language(std::string_view) const override { return {}; }
  std::vector<std::string> find_actors(std::string_view text) const override {
    if (text == "Mivd" || text == "MIVD") return {"mivd-nl"};
    return {};
  }
};

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

TEST_CASE("a word in a few documents is corrected, a common one never", "[spelling]") {
  const auto database = vocabulary({{"espionage", 9}, {"espionnage", 1}, {"malwares", 3}, {"malware", 9}});
  CHECK(suggestion(database, "espionnage") == "espionage");  // in one document: rare
  CHECK(suggestion(database, "malwares") == std::nullopt);   // in three: the words the search found
}

TEST_CASE("acronyms and names of known actors are never corrected", "[spelling]") {
  const auto database = vocabulary({{"mivd", 1}, {"mid", 40}, {"cisz", 1}, {"cisa", 30}, {"mild", 30}});
  const Agencies names;
  CHECK(suggestion(database, "MIVD") == std::nullopt);  // an acronym as typed
  CHECK(suggestion(database, "CISZ") == std::nullopt);
  CHECK(suggestion(database, "cisz") == "cisa");                // typed as a word, it may be a slip
  CHECK(suggestion(database, "Mivd", &names) == std::nullopt);  // the name of an actor
  CHECK(suggestion(database, "Mivd") == "mid");
}

TEST_CASE("a correction is never the word with its ending cut off, nor a word with its stem", "[spelling]") {
  const auto database = vocabulary({{"travelex", 1}, {"travel", 50}, {"attacks", 1}, {"attack", 60}});
  CHECK(nearest_word(database, "travelex") == std::nullopt);
  CHECK(suggestion(database, "Travelex") == std::nullopt);
  CHECK(nearest_word(database, "botnett") == std::nullopt);
  CHECK(nearest_word(vocabulary({{"botnett", 1}, {"botnet", 9}}), "botnett") == "botnet");  // a slip
  // "attacks" and "attack" share the stem "attack": the search matched both already.
  CHECK(nearest_word(database, "attacks") == "attack");
  CHECK(suggestion(database, "attacks") == std::nullopt);
  const auto stems = vocabulary({{"attacker", 1}, {"attackers", 60}});
  CHECK(nearest_word(stems, "attacker") == "attackers");
  CHECK(suggestion(stems, "attacker") == std::nullopt);  // both stem to "attack"
}
