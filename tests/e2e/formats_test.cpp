// The real binary on real report formats: HTML, PDF, DOCX, legacy encodings, metadata and dates.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "dossier_runner.h"
#include "temp_dir.h"
#include "test_pdf.h"
#include "test_zip.h"

using dossier::testing::json_of;
using dossier::testing::kCorpusDir;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

std::string docx(const std::string& title, const std::string& created, const std::string& body) {
  const std::string document =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:r><w:t>" +
      body + "</w:t></w:r></w:p></w:body></w:document>";
  const std::string core =
      "<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
      "<dc:title>" +
      title +
      "</dc:title><dc:creator>Jane Analyst</dc:creator>"
      "<dcterms:created>" +
      created + "</dcterms:created></cp:coreProperties>";
  return dossier::testing::build_zip(
      {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", document}, {"docProps/core.xml", core}});
}

// A folder as an analyst would have one, indexed once for the whole file.
struct Folder {
  TempDir reports, index;
  std::string db;
  Folder() {
    reports.write("page.html",
                  "<html lang=\"en\"><head><title>Saved Advisory Page</title>"
                  "<meta name=\"author\" content=\"CERT Desk\">"
                  "<meta property=\"article:published_time\" content=\"2024-02-05T09:00:00Z\">"
                  "<script>var trackingpixel = 1;</script><style>.hiddenstyle{}</style></head>"
                  "<body><nav>menu links</nav><p>Phishing &amp; wipers hit energy firms.</p></body></html>");
    reports.write("paged.pdf", dossier::testing::build_pdf(
                                   {{{"Introduction"}, {"Sandworm deployed wipers on page two"}},
                                    "/Title (Quarterly Wiper Review) /CreationDate (D:20240401000000Z)",
                                    ""}));
    reports.write("brief.docx",
                  docx("Ministerial Brief", "2024-02-20T10:00:00Z", "Wipers and phishing briefing."));
    reports.write("latin1.txt",
                  "Note de s\xe9"
                  "curit\xe9 sur les wipers et le phishing, r\xe9"
                  "dig\xe9"
                  "e \xe0 Paris.\n");
    reports.write(
        "vurdering.md",
        "# Nasjonal trusselvurdering\n\nKinesiske etterretningstjenester driver omfattende spionasje mot "
        "norske virksomheter, forskningsmiljøer og myndigheter. Wipers og phishing er vanlige.\n");
    db = (index.path() / "db").string();
    const auto result = run_dossier({"index", reports.path().string(), "--db", db, "--json"});
    REQUIRE(result.exit_code == 0);
    REQUIRE(json_of(result)["indexed"] == 5);
  }

  nlohmann::json search(std::vector<std::string> args) const {
    args.insert(args.begin(), "search");
    args.insert(args.end(), {"--db", db, "--json", "-n", "20"});
    return json_of(run_dossier(args));
  }

  std::set<std::string> files(std::vector<std::string> args) const {
    std::set<std::string> names;
    const nlohmann::json result = search(std::move(args));  // the loop below must not range over a temporary
    for (const auto& hit : result["hits"]) {
      names.insert(std::filesystem::path(hit["path"].get<std::string>()).filename());
    }
    return names;
  }
};

const Folder& folder() {
  static const Folder instance;
  return instance;
}

}  // namespace

TEST_CASE("every format is searchable and scripts and styles are not", "[e2e][formats]") {
  CHECK(folder().files({"wipers"}) ==
        std::set<std::string>{"page.html", "paged.pdf", "brief.docx", "latin1.txt", "vurdering.md"});
  CHECK(folder().files({"trackingpixel OR hiddenstyle OR menu"}).empty());
  CHECK(folder().files({"sécurité"}) == std::set<std::string>{"latin1.txt"});
}

TEST_CASE("titles come from the HTML title and the PDF and DOCX properties", "[e2e][formats]") {
  std::map<std::string, std::string> titles;
  const auto result = folder().search({"wipers"});
  for (const auto& hit : result["hits"]) {
    titles[std::filesystem::path(hit["path"].get<std::string>()).filename()] = hit["title"];
  }
  CHECK(titles["page.html"] == "Saved Advisory Page");
  CHECK(titles["paged.pdf"] == "Quarterly Wiper Review");
  CHECK(titles["brief.docx"] == "Ministerial Brief");
}

TEST_CASE("a PDF hit names its page, in JSON and on a terminal", "[e2e][formats]") {
  const auto json = folder().search({"sandworm"});
  REQUIRE(json["hits"].size() == 1);
  CHECK(json["hits"][0]["page"] == 2);
  const auto text = run_dossier({"search", "sandworm", "--db", folder().db}).out;
  CHECK(text.find("p. 2") != std::string::npos);
}

TEST_CASE("since and until keep exactly the February documents", "[e2e][formats]") {
  CHECK(folder().files({"--since", "2024-02-01", "--until", "2024-02-29"}) ==
        std::set<std::string>{"page.html", "brief.docx"});
  CHECK(folder().files({"wipers date:2024-02"}) == std::set<std::string>{"page.html", "brief.docx"});
  CHECK(run_dossier({"search", "x", "--db", folder().db, "--since", "February"}).exit_code == 2);
}

TEST_CASE("sort by date lists newest first", "[e2e][formats]") {
  std::vector<std::string> dates;
  const auto result = folder().search({"wipers", "--sort", "date"});
  for (const auto& hit : result["hits"]) {
    dates.push_back(hit["date"].is_null() ? "" : hit["date"].get<std::string>());
  }
  REQUIRE(dates.size() == 5);
  CHECK(dates[0] == "2024-04-01");
  CHECK(dates[1] == "2024-02-20");
  CHECK(dates[2] == "2024-02-05");
}

TEST_CASE("another inflection finds the Norwegian report, whose language is Norwegian", "[e2e][formats]") {
  const auto json = folder().search({"etterretningstjenesten"});
  REQUIRE(json["hits"].size() == 1);
  CHECK(json["hits"][0]["language"] == "no");
  CHECK(json["hits"][0]["path"].get<std::string>().ends_with("vurdering.md"));
  const auto languages = folder().search({"*"})["facets"]["language"];
  bool norwegian = false;
  for (const auto& language : languages)
    norwegian = norwegian || language["name"] == "Norwegian";
  CHECK(norwegian);
}

TEST_CASE("the first seed report shows its author and month", "[e2e][formats]") {
  const TempDir index;
  const std::string db = (index.path() / "db").string();
  REQUIRE(run_dossier({"index", kCorpusDir.string(), "--db", db}).exit_code == 0);
  const auto json = json_of(
      run_dossier({"show", (kCorpusDir / "chinese-espionage-in-europe.txt").string(), "--db", db, "--json"}));
  CHECK(json["author"] == "Britt Verregghen");
  CHECK(json["date"] == "2024-03");
  CHECK(json["title"] == "Covert Operations in Europe");
  CHECK(json["language"] == "en");
}

TEST_CASE("a program without its PDF module names each PDF it cannot read and indexes the rest",
          "[e2e][formats]") {
  // A copy of the binary in a folder of its own has no libdossier-pdf.so beside it.
  const TempDir reports, bin, index;
  const std::filesystem::path lonely = bin.path() / "dossier";
  std::filesystem::copy_file(dossier::testing::kDossierBinary, lonely);
  reports.write("brief.pdf", dossier::testing::build_pdf({{{"Quarterly Wiper Review"}}, {}, {}}));
  reports.write("notes.txt", "A note about dunlins.\n");
  const std::string db = (index.path() / "db").string();
  dossier::testing::ProcessSpec spec;
  spec.argv = {lonely.string(), "index", reports.path().string(), "--db", db, "--json"};
  spec.env["LD_LIBRARY_PATH"] = std::nullopt;
  const auto result = dossier::testing::run_process(spec);
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("brief.pdf: PDF support is not installed (libdossier-pdf.so"));
  CHECK(json_of(result)["added"] == 1);
}

TEST_CASE("the binary does not link poppler: it is loaded only when a PDF is read", "[e2e][formats]") {
  const std::string libraries = dossier::testing::linked_libraries();
  CHECK_THAT(libraries, Catch::Contains("libxapian"));
  CHECK_THAT(libraries, !Catch::Contains("poppler"));
}
