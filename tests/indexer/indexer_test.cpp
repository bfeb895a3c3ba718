#include "dossier/indexer/indexer.h"

#include <xapian.h>

#include <catch2/catch.hpp>

#include "dossier/analysis/schema.h"
#include "indexer_fixture.h"
#include "temp_dir.h"
#include "test_pdf.h"

namespace fs = std::filesystem;
namespace schema = dossier::analysis::schema;
using dossier::indexer::FileError;
using dossier::indexer::IndexOptions;
using dossier::indexer::IndexReport;
using dossier::indexer::run_index;
using dossier::testing::options_for;
using dossier::testing::TempDir;

TEST_CASE("supported files are indexed and others skipped and counted", "[indexer]") {
  const TempDir reports, index;
  reports.write("a.txt", "Chinese espionage in Europe");
  reports.write("b.md", "# Norway\nassessment");
  reports.write("c.bin", "%PDF-1.4");
  reports.write("sub/d.markdown", "nested");
  const IndexReport report = run_index(options_for(reports, index));
  CHECK(report.indexed() == 3);
  CHECK(report.skipped == 1);
  CHECK(report.failed == 0);
  CHECK(report.errors.empty());
  CHECK(Xapian::Database((index.path() / "db").string()).get_doccount() == 3);
}

TEST_CASE("html and pdf reports are indexed and a damaged pdf is reported with its reason", "[indexer]") {
  const TempDir reports, index;
  reports.write("page.html", "<title>Page</title><p>Fortinet appliances</p><script>hiddenscript()</script>");
  reports.write("report.pdf", dossier::testing::build_pdf({{{"Volt Typhoon"}}, {}, {}}));
  reports.write("broken.pdf", "%PDF-1.4");
  const IndexReport report = run_index(options_for(reports, index));
  CHECK(report.indexed() == 2);
  CHECK(report.failed == 1);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].path == (reports.path() / "broken.pdf").string());
  CHECK(report.errors[0].reason == "damaged or not a PDF");
  const Xapian::Database database((index.path() / "db").string());
  CHECK(database.get_termfreq("fortinet") == 1);
  CHECK(database.get_termfreq("typhoon") == 1);
  CHECK(database.get_termfreq("hiddenscript") == 0);
}

TEST_CASE("indexing the same files again replaces their documents", "[indexer]") {
  const TempDir reports, index;
  const fs::path file = reports.write("a.txt", "first version");
  run_index(options_for(reports, index));
  reports.write("a.txt", "second version");
  run_index(options_for(reports, index));
  const Xapian::Database database((index.path() / "db").string());
  CHECK(database.get_doccount() == 1);
  CHECK(database.get_termfreq("second") == 1);
  CHECK(database.get_termfreq("first") == 0);
  CHECK(database.get_termfreq(schema::unique_term(file.string())) == 1);
}

TEST_CASE("a file that cannot be read is reported with its reason and the run goes on", "[indexer]") {
  const TempDir reports, index;
  reports.write("good.txt", "fine");
  reports.write("huge.txt", std::string(2000, 'x'));
  IndexOptions options = options_for(reports, index);
  options.max_file_bytes = 1000;
  std::vector<FileError> seen;
  dossier::indexer::IndexEvents events;
  events.on_error = [&](const FileError& e) { seen.push_back(e); };
  const IndexReport report = run_index(options, events);
  CHECK(report.indexed() == 1);
  CHECK(report.failed == 1);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].path == (reports.path() / "huge.txt").string());
  CHECK(seen[0].reason == "larger than 1000 bytes");
  CHECK(report.errors.size() == 1);
}

TEST_CASE("a missing root is a root error that deletes nothing", "[indexer]") {
  const TempDir reports, index;
  reports.write("a.txt", "kept");
  IndexOptions options = options_for(reports, index);
  run_index(options);
  options.roots.push_back(reports.path() / "absent");
  const IndexReport report = run_index(options);
  CHECK(report.root_errors == 1);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].path == (reports.path() / "absent").string());
  CHECK(report.errors[0].reason == "does not exist; nothing deleted");
  CHECK(Xapian::Database((index.path() / "db").string()).get_doccount() == 1);
}

TEST_CASE("a run without roots is refused", "[indexer]") {
  const TempDir index;
  IndexOptions options;
  options.database = index.path() / "db";
  CHECK_THROWS_AS(run_index(options), std::invalid_argument);
  CHECK_FALSE(fs::exists(index.path() / "db"));
}

TEST_CASE("a second writer is refused while the first holds the index", "[indexer]") {
  const TempDir reports, index;
  reports.write("a.txt", "x");
  const IndexOptions options = options_for(reports, index);
  run_index(options);
  Xapian::WritableDatabase holder((index.path() / "db").string(), Xapian::DB_OPEN);
  CHECK_THROWS_AS(run_index(options), dossier::indexer::IndexLockedError);
}

TEST_CASE("a folder that is not a Dossier index is not written into", "[indexer]") {
  const TempDir reports, index;
  reports.write("a.txt", "x");
  {
    Xapian::WritableDatabase other((index.path() / "db").string(), Xapian::DB_CREATE);
    other.add_document(Xapian::Document());
    other.commit();
  }
  CHECK_THROWS_AS(run_index(options_for(reports, index)), dossier::indexer::IndexWriteError);
  CHECK(Xapian::Database((index.path() / "db").string()).get_doccount() == 1);
}

namespace {

// Every document's terms (with wdf and positions), values and data, in document id order.
std::vector<std::string> dump_documents(const fs::path& path) {
  const Xapian::Database database(path.string());
  std::vector<std::string> documents;
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
    const Xapian::Document document = database.get_document(*it);
    std::string dump = document.get_data();
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
      dump += " " + *term + ":" + std::to_string(term.get_wdf());
      for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
        dump += "," + std::to_string(*pos);
    }
    // The times (mtime, first indexed, changed) differ between two runs; every other value is kept.
    for (auto value = document.values_begin(); value != document.values_end(); ++value) {
      const Xapian::valueno slot = value.get_valueno();
      if (slot != schema::kMtimeSlot && slot != schema::kFirstIndexedSlot && slot != schema::kChangedSlot)
        dump += " #" + std::to_string(value.get_valueno()) + "=" + *value;
    }
    documents.push_back(std::move(dump));
  }
  return documents;
}

}  // namespace

TEST_CASE("several threads build exactly the index one thread builds, failures included", "[indexer]") {
  const TempDir reports, one, many;
  for (const auto& entry : fs::directory_iterator(DOSSIER_CORPUS_DIR)) {
    if (entry.is_regular_file()) fs::copy_file(entry.path(), reports.path() / entry.path().filename());
  }
  reports.write("broken.pdf", "%PDF-1.4 truncated");
  reports.write("page.html", "<title>Page</title><p>Fortinet appliances</p>");
  IndexOptions options = options_for(reports, one);
  options.jobs = 1;
  const IndexReport serial = run_index(options);
  options = options_for(reports, many);
  options.jobs = 3;
  options.commit.max_documents = 2;  // commits while workers are still reading
  const IndexReport parallel = run_index(options);
  CHECK(parallel.added == serial.added);
  CHECK(parallel.failed == 1);
  CHECK(serial.failed == 1);
  CHECK(dump_documents(many.path() / "db") == dump_documents(one.path() / "db"));
}

TEST_CASE("an index of an older schema is refused with what to do, not duplicated into", "[indexer]") {
  // "2" lacks the path-digest slot; "4" the facet-key slot, which unchanged files would never get.
  for (const char* version : {"2", "4"}) {
    const TempDir reports, index;
    reports.write("a.txt", "x");
    {
      Xapian::WritableDatabase old((index.path() / "db").string(), Xapian::DB_CREATE);
      old.set_metadata(std::string(schema::kSchemaVersionKey), version);
      old.add_document(Xapian::Document());
      old.commit();
    }
    CHECK_THROWS_WITH(
        run_index(options_for(reports, index)),
        Catch::Contains("has schema version '" + std::string(version) + "', this Dossier writes '" +
                        std::string(schema::kSchemaVersion) + "'") &&
            Catch::Contains("index again"));
    CHECK(Xapian::Database((index.path() / "db").string()).get_doccount() == 1);
  }
}
