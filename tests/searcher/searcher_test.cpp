// Library-level round trips: index a folder with the indexer, search it with the searcher.
#include "dossier/searcher/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "dossier/indexer/indexer.h"
#include "dossier/searcher/search_errors.h"
#include "temp_dir.h"

using dossier::searcher::MatchMode;
using dossier::searcher::Searcher;
using dossier::searcher::SearchRequest;
using dossier::searcher::SearchResult;
using dossier::testing::TempDir;

namespace {

// A small corpus indexed once per test case.
class Corpus {
 public:
  Corpus() {
    reports_.write("china.txt",
                   "Covert operations\nChina's Ministry of State Security runs espionage in Europe. "
                   "The MIVD found malware on Fortinet systems.");
    reports_.write(
        "norway.txt",
        "Norway assessment\nThe Norwegian intelligence service warns of Chinese espionage and a botnet.");
    reports_.write("belgium.md", "# Belgium case\nA Belgian politician was recruited. No cyber angle.");
    reports_.write("iocs.md",
                   "# Indicators\nC2 at 203.0.113.77 and evil.example.com, exploiting CVE-2023-27997.");
    reports_.write("fr.md",
                   "# Rapport\nLa s\u00e9curit\u00e9 des r\u00e9seaux et l'espionnage \u00e9conomique.");
    dossier::indexer::IndexOptions options;
    options.database = database();
    options.roots = {reports_.path()};
    dossier::indexer::run_index(options);
  }

  std::filesystem::path database() const { return index_.path() / "db"; }
  std::filesystem::path report(const std::string& name) const { return reports_.path() / name; }

  SearchResult search(std::string query, MatchMode mode = MatchMode::All, std::size_t limit = 10,
                      std::size_t offset = 0) const {
    Searcher searcher(database());
    SearchRequest request;
    request.query = std::move(query);
    request.mode = mode;
    request.limit = limit;
    request.offset = offset;
    return searcher.search(request);
  }

  // File names of the hits, in rank order.
  std::vector<std::string> names(std::string query, MatchMode mode = MatchMode::All) const {
    std::vector<std::string> out;
    for (const auto& hit : search(std::move(query), mode).hits) {
      out.push_back(std::filesystem::path(hit.path).filename().string());
    }
    return out;
  }

  std::set<std::string> name_set(std::string query, MatchMode mode = MatchMode::All) const {
    const auto list = names(std::move(query), mode);
    return {list.begin(), list.end()};
  }

 private:
  TempDir reports_;
  TempDir index_;
};

}  // namespace

TEST_CASE("words are ANDed and stemmed the same way on both sides", "[searcher]") {
  const Corpus corpus;
  CHECK(corpus.name_set("Chinese espionage") == std::set<std::string>{"norway.txt"});
  CHECK(corpus.name_set("espionage") == std::set<std::string>{"china.txt", "norway.txt"});
  CHECK(corpus.name_set("espionnage") == std::set<std::string>{"fr.md"});  // the French spelling
  CHECK(corpus.name_set("operation") == std::set<std::string>{"china.txt"});
}

TEST_CASE("the --any mode ranks documents with more of the words first", "[searcher]") {
  const Corpus corpus;
  const auto names = corpus.names("MIVD Fortinet Belgian", MatchMode::Any);
  REQUIRE(names.size() == 2);
  CHECK(names.front() == "china.txt");
}

TEST_CASE("phrases, OR, NOT and parentheses select exactly", "[searcher]") {
  const Corpus corpus;
  CHECK(corpus.name_set("\"Ministry of State Security\"") == std::set<std::string>{"china.txt"});
  CHECK(corpus.name_set("\"State of Security\"").empty());
  CHECK(corpus.name_set("espionage AND NOT Norway") == std::set<std::string>{"china.txt"});
  CHECK(corpus.name_set("Belgium OR Norwegian") == std::set<std::string>{"belgium.md", "norway.txt"});
  CHECK(corpus.name_set("(Belgium OR Norwegian) AND botnet") == std::set<std::string>{"norway.txt"});
  CHECK(corpus.name_set("espionage -malware") == std::set<std::string>{"norway.txt"});
  CHECK(corpus.name_set("espionage -malware -botnet").empty());
}

TEST_CASE("accents and case never matter", "[searcher]") {
  const Corpus corpus;
  for (const char* query : {"securite", "S\u00c9CURIT\u00c9", "s\u00e9curit\u00e9", "Securite"}) {
    CHECK(corpus.name_set(query) == std::set<std::string>{"fr.md"});
  }
}

TEST_CASE("identifiers are found exactly", "[searcher]") {
  const Corpus corpus;
  for (const char* query :
       {"203.0.113.77", "evil.example.com", "CVE-2023-27997", "cve-2023-27997", "27997"}) {
    CHECK(corpus.name_set(query) == std::set<std::string>{"iocs.md"});
  }
  CHECK(corpus.name_set("203.0.113.78").empty());
}

TEST_CASE("the total is exact and pages do not overlap", "[searcher]") {
  const Corpus corpus;
  const auto all = corpus.search("espionage OR espionnage", MatchMode::All, 10);
  CHECK(all.total == 3);
  CHECK(all.hits.size() == 3);
  const auto first = corpus.search("espionage OR espionnage", MatchMode::All, 2, 0);
  const auto second = corpus.search("espionage OR espionnage", MatchMode::All, 2, 2);
  CHECK(first.total == 3);
  REQUIRE(first.hits.size() == 2);
  REQUIRE(second.hits.size() == 1);
  CHECK(second.hits[0].rank == 3);
  CHECK(second.hits[0].path != first.hits[0].path);
  CHECK(second.hits[0].path != first.hits[1].path);
  CHECK(corpus.search("espionage", MatchMode::All, 0).hits.empty());
}

TEST_CASE("hits carry title, path, score and a highlighted snippet", "[searcher]") {
  const Corpus corpus;
  const auto result = corpus.search("MIVD Fortinet");
  REQUIRE(result.hits.size() == 1);
  const auto& hit = result.hits[0];
  CHECK(hit.rank == 1);
  CHECK(hit.score > 0);
  CHECK(hit.title == "Covert operations");
  CHECK(hit.path.ends_with("/china.txt"));
  CHECK(hit.snippet.highlights.size() == 2);
}

TEST_CASE("a missing or foreign index is reported, not searched", "[searcher]") {
  const TempDir dir;
  CHECK_THROWS_AS(Searcher(dir.path() / "absent"), dossier::searcher::IndexNotFoundError);
  CHECK_THROWS_AS(Searcher(dir.path()), dossier::searcher::IndexNotFoundError);
  { Xapian::WritableDatabase foreign((dir.path() / "x").string(), Xapian::DB_CREATE); }
  CHECK_THROWS_AS(Searcher(dir.path() / "x"), dossier::searcher::IndexNotFoundError);
}

TEST_CASE("an index of the previous schema is refused by name, not searched with facets missing",
          "[searcher]") {
  // A "4" index has no facet-key slot: its year, language and type facets would all be empty.
  const TempDir dir;
  {
    Xapian::WritableDatabase old((dir.path() / "old").string(), Xapian::DB_CREATE);
    old.set_metadata("dossier.schema", "4");
    old.add_document(Xapian::Document());
    old.commit();
  }
  CHECK_THROWS_WITH(
      Searcher(dir.path() / "old"),
      Catch::Contains("schema '4'") && Catch::Contains("not a Dossier index this version can read"));
}

TEST_CASE("a searcher sees documents committed after it was opened", "[searcher]") {
  TempDir reports;
  const TempDir index;
  reports.write("a.txt", "espionage one");
  dossier::indexer::IndexOptions options;
  options.database = index.path() / "db";
  options.roots = {reports.path()};
  dossier::indexer::run_index(options);
  Searcher searcher(options.database);
  for (int i = 0; i < 3; ++i) {
    reports.write("b" + std::to_string(i) + ".txt", "espionage again");
    dossier::indexer::run_index(options);
  }
  SearchRequest request;
  request.query = "espionage";
  CHECK(searcher.search(request).total == 4);
}

TEST_CASE("show returns a document's record with its entities named", "[searcher]") {
  TempDir reports;
  const TempDir index;
  const auto file = reports.write("a.txt", "Title line\nChina's MSS spied on Norway.");
  dossier::indexer::IndexOptions options;
  options.database = index.path() / "db";
  options.roots = {reports.path()};
  dossier::indexer::run_index(options);
  Searcher searcher(options.database);
  const auto view = searcher.show(file);
  CHECK(view.record.title == "Title line");
  CHECK(view.record.path == file.string());
  REQUIRE(view.entities.countries.size() == 2);
  CHECK(view.entities.countries[1].name == "Norway");
  CHECK(view.entities.countries[1].surfaces == std::vector<std::string>{"Norway"});
  REQUIRE(view.entities.actors.size() == 1);
  CHECK(view.entities.actors[0].id == "mss-cn");
  CHECK_THROWS_AS(searcher.show(reports.path() / "absent.txt"), dossier::searcher::DocumentNotFoundError);
}

TEST_CASE("each hit carries the id that shows its document", "[searcher]") {
  const Corpus corpus;
  Searcher searcher(corpus.database());
  SearchRequest request;
  request.query = "espionage";
  const SearchResult result = searcher.search(request);
  REQUIRE_FALSE(result.hits.empty());
  for (const auto& hit : result.hits) {
    CHECK(hit.id > 0);
    CHECK(searcher.show(hit.id).record.path == hit.path);
  }
  CHECK_THROWS_AS(searcher.show(Xapian::docid{0}), dossier::searcher::DocumentNotFoundError);
  CHECK_THROWS_AS(searcher.show(Xapian::docid{100000}), dossier::searcher::DocumentNotFoundError);
}

TEST_CASE("a search like a document ranks the others by shared telling words and leaves it out",
          "[searcher]") {
  const Corpus corpus;
  Searcher searcher(corpus.database());
  SearchRequest request;
  request.like = corpus.report("china.txt");
  const SearchResult result = searcher.search(request);
  REQUIRE_FALSE(result.hits.empty());
  CHECK(std::filesystem::path(result.hits.front().path).filename() == "norway.txt");
  for (const auto& hit : result.hits)
    CHECK(std::filesystem::path(hit.path).filename() != "china.txt");
  request.like = corpus.report("missing.txt");
  CHECK_THROWS_AS(searcher.search(request), dossier::searcher::DocumentNotFoundError);
}

TEST_CASE("a misspelt word gets a suggestion from the index, a word the search found none", "[searcher]") {
  const Corpus corpus;
  Searcher searcher(corpus.database());
  SearchRequest request;
  request.query = "espoinage";
  CHECK(searcher.search(request).suggestion == "espionage");
  request.suggest = false;
  CHECK(searcher.search(request).suggestion.empty());
  request.query = "Belgiumm";
  request.suggest = true;
  CHECK(searcher.search(request).suggestion == "belgium");
  // "malwar" is the stem of "malware": the search found the malware report, nothing to correct.
  request.query = "malwar";
  CHECK(searcher.search(request).total == 1);
  CHECK(searcher.search(request).suggestion.empty());
}

TEST_CASE("explain fills the parsed query and each hit's matching terms", "[searcher]") {
  const Corpus corpus;
  Searcher searcher(corpus.database());
  SearchRequest request;
  request.query = "botnet";
  request.explain = true;
  const SearchResult result = searcher.search(request);
  CHECK(result.parsed_query == "word:botnet");
  CHECK(result.xapian_query.find("Zbotnet") != std::string::npos);
  REQUIRE(result.hits.size() == 1);
  REQUIRE(result.hits[0].explanation.size() == 1);
  CHECK(result.hits[0].explanation[0].term == "Zbotnet");
  CHECK(result.hits[0].explanation[0].weight == Approx(result.hits[0].score));
}

TEST_CASE("a document's text marks the query's matches and the names it uses for an actor typed",
          "[searcher]") {
  const Corpus corpus;
  Searcher searcher(corpus.database());
  const auto marked = [&](const std::string& query) {
    std::vector<std::string> matches;
    for (const auto& page : searcher.text(corpus.report("china.txt"), query).pages) {
      for (const auto& segment : page.segments) {
        if (segment.match) matches.push_back(segment.text);
      }
    }
    return matches;
  };
  CHECK(marked("fortinet malwares") == std::vector<std::string>{"malware", "Fortinet"});
  CHECK(marked("MSS") == std::vector<std::string>{"Ministry of State Security"});  // the name used
  CHECK(marked("").empty());
  CHECK_THROWS_AS(searcher.text(corpus.report("china.txt"), "(x"), dossier::searcher::QuerySyntaxError);
  CHECK_THROWS_AS(searcher.text(corpus.report("missing.txt"), "x"), dossier::searcher::DocumentNotFoundError);
}
