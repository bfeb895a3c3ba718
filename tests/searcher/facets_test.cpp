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

namespace {

// Thirty reports in three formats and two languages, dated to the day, the month, the year or not
// at all, naming countries and actors in overlapping sets (so that counts tie).
void write_varied_reports(const TempDir& dir) {
  const char* dates[] = {"2023-11-05", "2024-02", "2024", "", "2024-02-29", "2022"};
  const char* entities[] = {"China", "Norway and the MSS", "APT40 and China", "Iran", "Leviathan in Norway"};
  for (int i = 0; i < 30; ++i) {
    const std::string entity = entities[i % 5];
    const std::string date = dates[i % 6];
    const std::string name = "r" + std::to_string(i);
    if (i % 7 == 3) {
      dir.write(name + ".txt", "Trusselvurdering " + std::to_string(i) +
                                   "\nKinesiske etterretningstjenester driver spionasje "
                                   "mot norske virksomheter og myndigheter i " +
                                   entity + ". Botnet.\n");
    } else if (i % 3 == 0) {
      dir.write(name + ".html", "<html><head><title>Botnet " + std::to_string(i) + "</title>" +
                                    (date.empty() ? "" : "<meta name=\"date\" content=\"" + date + "\">") +
                                    "</head><body><p>A botnet report about " + entity +
                                    " and its espionage.</p></body></html>");
    } else {
      dir.write(name + ".md", "---\ntitle: Botnet " + std::to_string(i) + "\n" +
                                  (date.empty() ? "" : "date: " + date + "\n") +
                                  "---\nA botnet report about " + entity + " and its espionage.\n");
    }
  }
}

using Counts = std::map<std::string, std::size_t>;

// What the facets and the timeline of `request` must be, counted from every match's stored record
// (not from the value slots the facets are counted from).
struct Expected {
  Counts countries, actors, years, languages, types, months, year_only;
  std::size_t undated = 0;
};

Expected count_matches(Searcher& searcher, SearchRequest request) {
  request.limit = 1000;
  request.snippets = false;
  Expected expected;
  for (const auto& hit : searcher.search(request).hits) {
    const auto record = searcher.show(hit.id).record;
    for (const auto& country : record.countries)
      ++expected.countries[country.id];
    for (const auto& actor : record.actors)
      ++expected.actors[actor.id];
    if (!record.language.empty()) ++expected.languages[record.language];
    ++expected.types[record.format];
    if (record.date.empty()) {
      ++expected.undated;
      continue;
    }
    ++expected.years[record.date.substr(0, 4)];
    if (record.date.size() == 4) {
      ++expected.year_only[record.date];
    } else {
      ++expected.months[record.date.substr(0, 7)];
    }
  }
  return expected;
}

Counts timeline_counts(const std::vector<dossier::searcher::TimelineCount>& periods) {
  Counts out;
  for (const auto& period : periods)
    out[period.value] = period.count;
  return out;
}

}  // namespace

TEST_CASE("facets and the timeline equal counts taken from every match's record, in any order", "[facets]") {
  const TempDir reports, index;
  write_varied_reports(reports);
  Searcher searcher(index_into(index, "db", {reports.path()}));
  struct Case {
    std::string query;
    dossier::searcher::SortOrder sort;
    std::vector<std::string> countries;
  };
  const std::vector<Case> cases = {
      {"botnet", dossier::searcher::SortOrder::Relevance, {}},
      {"botnet", dossier::searcher::SortOrder::Date, {}},
      {"espionage", dossier::searcher::SortOrder::Date, {}},
      {"botnet", dossier::searcher::SortOrder::Relevance, {"Norway"}},
      {"type:html OR lang:no", dossier::searcher::SortOrder::Date, {}},
  };
  for (const Case& c : cases) {
    INFO("query " << c.query << (c.sort == dossier::searcher::SortOrder::Date ? " by date" : ""));
    SearchRequest request;
    request.query = c.query;
    request.sort = c.sort;
    request.countries = c.countries;
    request.facet_limit = 0;
    request.timeline = true;
    request.limit = 3;
    const SearchResult result = searcher.search(request);
    const Expected expected = count_matches(searcher, request);
    REQUIRE(result.total > 3);
    CHECK(counts(result.facets.countries) == expected.countries);
    CHECK(counts(result.facets.actors) == expected.actors);
    CHECK(counts(result.facets.years) == expected.years);
    CHECK(counts(result.facets.languages) == expected.languages);
    CHECK(counts(result.facets.types) == expected.types);
    REQUIRE(result.timeline);
    CHECK(timeline_counts(result.timeline->months) == expected.months);
    CHECK(timeline_counts(result.timeline->years) == expected.year_only);
    CHECK(result.timeline->undated == expected.undated);
  }
  // The corpus has what the cases need to mean something.
  SearchRequest botnet;
  botnet.query = "botnet";
  const Expected all = count_matches(searcher, botnet);
  CHECK(all.types.size() == 3);
  CHECK(all.languages.size() == 2);
  CHECK(all.months.size() >= 2);
  CHECK(all.year_only.size() == 2);
  CHECK(all.undated > 0);
  CHECK(all.actors.size() >= 2);
}

TEST_CASE("a facet limit shows the first values of the whole ordering, ties by name", "[facets]") {
  const TempDir reports, index;
  write_varied_reports(reports);
  Searcher searcher(index_into(index, "db", {reports.path()}));
  SearchRequest request;
  request.query = "botnet";
  request.facet_limit = 0;
  const SearchResult all = searcher.search(request);
  for (std::size_t limit = 1; limit <= 4; ++limit) {
    request.facet_limit = limit;
    const SearchResult cut = searcher.search(request);
    const auto first = [limit](std::vector<FacetValue> values) {
      if (values.size() > limit) values.resize(limit);
      std::vector<std::string> names;
      for (const FacetValue& value : values)
        names.push_back(value.name + "=" + std::to_string(value.count));
      return names;
    };
    INFO("limit " << limit);
    CHECK(first(cut.facets.countries) == first(all.facets.countries));
    CHECK(first(cut.facets.actors) == first(all.facets.actors));
    CHECK(first(cut.facets.languages) == first(all.facets.languages));
    CHECK(first(cut.facets.types) == first(all.facets.types));
    CHECK(first(cut.facets.years) == first(all.facets.years));
  }
}

TEST_CASE("one database counted from value streams equals its halves counted by match spies", "[facets]") {
  // One database is counted from its value streams, several from Xapian's spies (FacetSource).
  const TempDir reports, index;
  write_varied_reports(reports);
  std::vector<fs::path> first, second;
  for (const auto& entry : fs::directory_iterator(reports.path()))
    (entry.path().filename().string() < "r2" ? first : second).push_back(entry.path());
  Searcher whole(index_into(index, "whole", {reports.path()}));
  Searcher halves({index_into(index, "a", first), index_into(index, "b", second)});
  for (const auto sort : {dossier::searcher::SortOrder::Relevance, dossier::searcher::SortOrder::Date}) {
    SearchRequest request;
    request.query = "botnet OR espionage";
    request.sort = sort;
    request.facet_limit = 0;
    request.timeline = true;
    const SearchResult one = whole.search(request);
    const SearchResult two = halves.search(request);
    REQUIRE(one.total == two.total);
    CHECK(counts(one.facets.countries) == counts(two.facets.countries));
    CHECK(counts(one.facets.actors) == counts(two.facets.actors));
    CHECK(counts(one.facets.years) == counts(two.facets.years));
    CHECK(counts(one.facets.languages) == counts(two.facets.languages));
    CHECK(counts(one.facets.types) == counts(two.facets.types));
    CHECK(timeline_counts(one.timeline->months) == timeline_counts(two.timeline->months));
    CHECK(timeline_counts(one.timeline->years) == timeline_counts(two.timeline->years));
    CHECK(one.timeline->undated == two.timeline->undated);
  }
}
