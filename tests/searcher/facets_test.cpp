// Exact facets, entity filters and shards, on indexes built by the indexer with the built-in gazetteer.
#include "dossier/searcher/facets.h"

#include <catch2/catch.hpp>
#include <map>

#include "dossier/indexer/indexer.h"
#include "dossier/searcher/search_errors.h"
#include "dossier/searcher/searcher.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using dossier::searcher::FacetValue;
using dossier::searcher::Searcher;
using dossier::searcher::SearchRequest;
using dossier::searcher::SearchResult;
using dossier::testing::TempDir;

namespace {

// Twelve reports: every one names China; Norway, the MSS and APT40 appear in some of them.
void write_reports(const TempDir& dir) {
  for (int i = 0; i < 12; ++i) {
    std::string text = "Report " + std::to_string(i) + " on espionage by China.";
    if (i % 2 == 0) text += " Norway's intelligence service warned.";
    if (i % 3 == 0) text += " The MSS recruited sources.";
    if (i % 4 == 0) text += " APT40, also known as Leviathan, attacked.";
    dir.write("r" + std::to_string(i) + ".txt", text);
  }
}

fs::path index_into(const TempDir& index, const std::string& name, const std::vector<fs::path>& roots) {
  dossier::indexer::IndexOptions options;
  options.database = index.path() / name;
  options.roots = roots;
  dossier::indexer::run_index(options);
  return options.database;
}

std::map<std::string, std::size_t> counts(const std::vector<FacetValue>& values) {
  std::map<std::string, std::size_t> out;
  for (const FacetValue& value : values)
    out[value.value] = value.count;
  return out;
}

SearchResult search(Searcher& searcher, std::string query, std::size_t limit = 10) {
  SearchRequest request;
  request.query = std::move(query);
  request.limit = limit;
  request.facet_limit = 0;
  return searcher.search(request);
}

}  // namespace

TEST_CASE("facet counts cover every match, not only the page shown", "[facets]") {
  const TempDir reports, index;
  write_reports(reports);
  Searcher searcher(index_into(index, "db", {reports.path()}));
  const SearchResult result = search(searcher, "espionage", 2);
  CHECK(result.total == 12);
  CHECK(result.hits.size() == 2);
  CHECK(counts(result.facets.countries) == std::map<std::string, std::size_t>{{"CN", 12}, {"NO", 6}});
  CHECK(counts(result.facets.actors) == std::map<std::string, std::size_t>{{"mss-cn", 4}, {"apt40", 3}});
  CHECK(result.facets.countries.front().name == "China");
  CHECK(result.facets.actors.front().name == "Ministry of State Security (MSS)");
  CHECK(result.facets.actors.front().kind == dossier::analysis::ActorKind::IntelligenceAgency);
  CHECK(result.facets.actors.front().country == "CN");
}

TEST_CASE("facet counts stay exact when the corpus is split over two databases", "[facets]") {
  const TempDir reports, index;
  write_reports(reports);
  std::vector<fs::path> first, second;
  for (int i = 0; i < 12; ++i)
    (i < 5 ? first : second).push_back(reports.path() / ("r" + std::to_string(i) + ".txt"));
  Searcher whole(index_into(index, "whole", {reports.path()}));
  Searcher shards({index_into(index, "a", first), index_into(index, "b", second)});
  const SearchResult expected = search(whole, "espionage");
  const SearchResult split = search(shards, "espionage");
  CHECK(split.total == expected.total);
  CHECK(counts(split.facets.countries) == counts(expected.facets.countries));
  CHECK(counts(split.facets.actors) == counts(expected.facets.actors));
}

TEST_CASE("the facet limit keeps the most frequent values", "[facets]") {
  const TempDir reports, index;
  write_reports(reports);
  Searcher searcher(index_into(index, "db", {reports.path()}));
  SearchRequest request;
  request.query = "espionage";
  request.facet_limit = 1;
  const SearchResult result = searcher.search(request);
  REQUIRE(result.facets.countries.size() == 1);
  CHECK(result.facets.countries.front().value == "CN");
}

TEST_CASE("country and actor filters accept codes, names, demonyms and aliases", "[facets]") {
  const TempDir reports, index;
  write_reports(reports);
  Searcher searcher(index_into(index, "db", {reports.path()}));
  for (const char* country : {"NO", "no", "Norway", "Norwegian", "Norge", "NORWAY"}) {
    SearchRequest request;
    request.query = "espionage";
    request.countries = {country};
    CHECK(searcher.search(request).total == 6);
  }
  for (const char* actor : {"MSS", "Ministry of State Security", "mss-cn"}) {
    SearchRequest request;
    request.query = "espionage";
    request.actors = {actor};
    CHECK(searcher.search(request).total == 4);
  }
  SearchRequest both;
  both.query = "espionage";
  both.countries = {"Norway"};
  both.actors = {"Leviathan"};
  CHECK(searcher.search(both).total == 3);
  CHECK(search(searcher, "actor:APT40 country:NO").total == 3);
}

TEST_CASE("an unknown filter value is an error that suggests close names", "[facets]") {
  const TempDir reports, index;
  write_reports(reports);
  Searcher searcher(index_into(index, "db", {reports.path()}));
  SearchRequest request;
  request.query = "espionage";
  request.countries = {"Norwey"};
  CHECK_THROWS_WITH(searcher.search(request),
                    Catch::StartsWith("unknown country 'Norwey' (did you mean: norway"));
  request.countries.clear();
  request.actors = {"Levithan"};
  CHECK_THROWS_AS(searcher.search(request), dossier::searcher::UnknownEntityError);
}

TEST_CASE("hits carry the codes of their countries and the names of their actors", "[facets]") {
  const TempDir reports, index;
  reports.write("a.txt", "The MSS and China's Ministry of State Security in Norway.");
  Searcher searcher(index_into(index, "db", {reports.path()}));
  const SearchResult result = search(searcher, "security");
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits[0].countries == std::vector<std::string>{"CN", "NO"});
  CHECK(result.hits[0].actors == std::vector<std::string>{"Ministry of State Security (MSS)"});
}

TEST_CASE("an actor a report defines is named in facets and can be filtered on", "[facets]") {
  const TempDir reports, index;
  reports.write("a.txt", "The Cyber Security Bureau of Atlantis (CSBA) warned. The CSBA later confirmed it.");
  Searcher searcher(index_into(index, "db", {reports.path()}));
  const SearchResult result = search(searcher, "warned");
  REQUIRE(result.facets.actors.size() == 1);
  CHECK(result.facets.actors[0].name == "Cyber Security Bureau of Atlantis");
  CHECK(result.facets.actors[0].kind == dossier::analysis::ActorKind::Unknown);
  CHECK(search(searcher, "actor:CSBA").total == 1);
}
