// Searching by language, date, author and format, over indexes built from real files.
#include <catch2/catch.hpp>
#include <set>

#include "dossier/indexer/indexer.h"
#include "dossier/searcher/search_errors.h"
#include "dossier/searcher/searcher.h"
#include "temp_dir.h"
#include "test_pdf.h"

namespace fs = std::filesystem;
using dossier::searcher::Searcher;
using dossier::searcher::SearchRequest;
using dossier::searcher::SearchResult;
using dossier::searcher::SortOrder;
using dossier::testing::TempDir;

namespace {

// Five reports in three languages, dated at different precisions, one PDF.
class Library {
 public:
  Library() {
    reports_.write(
        "jan.md",
        "---\ntitle: January note\ndate: 2024-01-15\nauthor: Ada Lovelace\n---\nBotnet activity.\n");
    reports_.write("feb-day.md", "---\ntitle: February day\ndate: 2024-02-13\n---\nBotnet takedown.\n");
    reports_.write("feb-month.txt",
                   "Written by Mark Arena - February 2024\nFebruary month\nBotnet rental market.\n");
    reports_.write("year.md",
                   "---\ntitle: Annual review\ndate: 2024\n---\nBotnet statistics for the year.\n");
    reports_.write(
        "no.txt",
        "Trusselvurdering\nKinesiske etterretningstjenester driver spionasje mot norske virksomheter, "
        "forskningsmiljøer og myndigheter. Digitale angrep er den viktigste inngangsporten.\n");
    reports_.write("two-pages.pdf", dossier::testing::build_pdf(
                                        {{{"Cover page about nothing"}, {"The botnet appears on page two"}},
                                         "/Title (Paged report) /CreationDate (D:20231105120000Z)",
                                         ""}));
    dossier::indexer::IndexOptions options;
    options.database = index_.path() / "db";
    options.roots = {reports_.path()};
    const auto report = dossier::indexer::run_index(options);
    REQUIRE(report.failed == 0);
    database_ = options.database;
  }

  SearchResult search(SearchRequest request) const {
    Searcher searcher(database_);
    request.facet_limit = 0;
    return searcher.search(request);
  }

  std::vector<std::string> files(SearchRequest request) const {
    std::vector<std::string> names;
    for (const auto& hit : search(std::move(request)).hits)
      names.push_back(fs::path(hit.path).filename());
    return names;
  }

  std::set<std::string> file_set(SearchRequest request) const {
    const auto list = files(std::move(request));
    return {list.begin(), list.end()};
  }

 private:
  TempDir reports_, index_;
  fs::path database_;
};

SearchRequest query(std::string text) {
  SearchRequest request;
  request.query = std::move(text);
  return request;
}

}  // namespace

TEST_CASE("another inflection of a Norwegian word finds its report", "[metadata]") {
  const Library library;
  CHECK(library.files(query("etterretningstjenesten")) == std::vector<std::string>{"no.txt"});
  const auto hit = library.search(query("etterretningstjenesten")).hits.at(0);
  CHECK(hit.language == "no");
  CHECK(hit.snippet.highlights.size() == 1);
}

TEST_CASE("since and until keep the documents whose whole date lies between", "[metadata]") {
  const Library library;
  SearchRequest february = query("botnet");
  february.since = dossier::analysis::make_date(2024, 2, 1);
  february.until = dossier::analysis::make_date(2024, 2, 29);
  CHECK(library.file_set(february) == std::set<std::string>{"feb-day.md", "feb-month.txt"});
  SearchRequest from_2024 = query("botnet");
  from_2024.since = dossier::analysis::make_date(2024);
  CHECK(library.file_set(from_2024) ==
        std::set<std::string>{"jan.md", "feb-day.md", "feb-month.txt", "year.md"});
  CHECK(library.file_set(query("botnet date:2024-01..2024-02")) ==
        std::set<std::string>{"jan.md", "feb-day.md", "feb-month.txt"});
}

TEST_CASE("sorting by date lists newest first and undated last", "[metadata]") {
  const Library library;
  SearchRequest request = query("*");
  request.sort = SortOrder::Date;
  request.limit = 20;
  CHECK(library.files(request) == std::vector<std::string>{"feb-day.md", "feb-month.txt", "jan.md", "year.md",
                                                           "two-pages.pdf", "no.txt"});
}

TEST_CASE("author, title, language and type fields select documents", "[metadata]") {
  const Library library;
  CHECK(library.files(query("author:lovelace")) == std::vector<std::string>{"jan.md"});
  CHECK(library.files(query("author:\"Mark Arena\"")) == std::vector<std::string>{"feb-month.txt"});
  CHECK(library.files(query("title:annual")) == std::vector<std::string>{"year.md"});
  CHECK(library.files(query("* lang:Norwegian")) == std::vector<std::string>{"no.txt"});
  CHECK(library.files(query("botnet type:pdf")) == std::vector<std::string>{"two-pages.pdf"});
}

TEST_CASE("an empty query lists what the filters keep, and is an error without them", "[metadata]") {
  const Library library;
  SearchRequest request = query("");
  request.since = dossier::analysis::make_date(2024, 2);
  request.until = dossier::analysis::make_date(2024, 2);
  CHECK(library.file_set(request) == std::set<std::string>{"feb-day.md", "feb-month.txt"});
  CHECK_THROWS_AS(library.search(query("  ")), dossier::searcher::QuerySyntaxError);
}

TEST_CASE("a PDF hit names the page of its snippet", "[metadata]") {
  const Library library;
  const auto result = library.search(query("botnet type:pdf"));
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits[0].page == 2);
  CHECK(result.hits[0].title == "Paged report");
  CHECK(result.hits[0].date == "2023-11-05");
  CHECK(result.hits[0].format == "pdf");
}

TEST_CASE("year, language and type facets count every match", "[metadata]") {
  const Library library;
  const auto facets = library.search(query("*")).facets;
  REQUIRE(facets.years.size() == 2);
  CHECK(facets.years[0].value == "2024");
  CHECK(facets.years[0].count == 4);
  CHECK(facets.years[1].value == "2023");
  std::set<std::string> languages;
  for (const auto& language : facets.languages)
    languages.insert(language.value);
  CHECK(languages.contains("no"));
  std::set<std::string> types;
  for (const auto& type : facets.types)
    types.insert(type.value + ":" + std::to_string(type.count));
  CHECK(types == std::set<std::string>{"md:3", "txt:2", "pdf:1"});
}

TEST_CASE("language and type filters keep documents in any of the values given", "[metadata]") {
  const Library library;
  SearchRequest norwegian = query("");
  norwegian.languages = {"Norwegian"};
  CHECK(library.files(norwegian) == std::vector<std::string>{"no.txt"});
  SearchRequest types = query("");
  types.types = {"pdf", "TXT"};
  CHECK(library.file_set(types) == std::set<std::string>{"two-pages.pdf", "feb-month.txt", "no.txt"});
  SearchRequest both = query("botnet");
  both.types = {"txt"};
  both.languages = {"en"};
  CHECK(library.files(both) == std::vector<std::string>{"feb-month.txt"});
  SearchRequest unknown = query("botnet");
  unknown.languages = {"Klingon"};
  CHECK_THROWS_AS(library.search(unknown), dossier::searcher::UnknownEntityError);
}

TEST_CASE("the undated filter keeps only documents without a date", "[metadata]") {
  const Library library;
  SearchRequest undated = query("");
  undated.undated_only = true;
  CHECK(library.files(undated) == std::vector<std::string>{"no.txt"});
  undated.since = dossier::analysis::make_date(2020);
  CHECK(library.files(undated).empty());
}

TEST_CASE("timeline counts add up to the total and each agrees with its date filter", "[metadata]") {
  const Library library;
  SearchRequest request = query("*");
  request.timeline = true;
  const SearchResult result = library.search(request);
  REQUIRE(result.timeline);
  const dossier::searcher::Timeline& timeline = *result.timeline;
  std::size_t sum = timeline.undated;
  std::set<std::string> months;
  for (const auto& month : timeline.months) {
    months.insert(month.value + ":" + std::to_string(month.count));
    sum += month.count;
    // A month bar counts exactly what filtering on that month keeps.
    const auto date = dossier::analysis::parse_iso_date(month.value);
    SearchRequest filtered = query("");
    filtered.since = date;
    filtered.until = date;
    CHECK(library.search(filtered).total == month.count);
  }
  for (const auto& year : timeline.years)
    sum += year.count;
  CHECK(months == std::set<std::string>{"2023-11:1", "2024-01:1", "2024-02:2"});
  REQUIRE(timeline.years.size() == 1);
  CHECK(timeline.years[0].value == "2024");
  CHECK(timeline.years[0].count == 1);
  CHECK(timeline.undated == 1);
  CHECK(sum == result.total);
  CHECK_FALSE(library.search(query("*")).timeline);
}
