// Reruns of `run_index`: what changed is indexed, what did not is left alone, and nothing is
// deleted that the walk could not see.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "dossier/analysis/document_record.h"
#include "dossier/analysis/schema.h"
#include "dossier/indexer/indexer.h"
#include "indexer_fixture.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
namespace schema = dossier::analysis::schema;
using dossier::indexer::FileChange;
using dossier::indexer::FileChangeKind;
using dossier::indexer::IndexEvents;
using dossier::indexer::IndexOptions;
using dossier::indexer::IndexProgress;
using dossier::indexer::IndexReport;
using dossier::indexer::run_index;
using dossier::testing::options_for;
using dossier::testing::TempDir;

namespace {

Xapian::Database open(const TempDir& index) {
  return Xapian::Database((index.path() / "db").string());
}

// Moves a file's mtime by `seconds`, as an editor saving or `touch` would.
void shift_mtime(const fs::path& file, int seconds) {
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(seconds));
}

// The id of the document indexed for `path`, 0 when there is none.
Xapian::docid docid_of(const Xapian::Database& database, const fs::path& path) {
  const std::string term = schema::unique_term(path.string());
  const auto it = database.postlist_begin(term);
  return it == database.postlist_end(term) ? 0 : *it;
}

}  // namespace

TEST_CASE("a rerun over unchanged files opens none and changes nothing", "[indexer][incremental]") {
  const TempDir reports, index;
  reports.write("a.txt", "alpha");
  reports.write("sub/b.md", "# Beta\nbravo");
  const IndexOptions options = options_for(reports, index);
  const IndexReport first = run_index(options);
  CHECK(first.added == 2);
  std::size_t files_read = 0;
  IndexEvents events;
  events.on_progress = [&](const IndexProgress& progress) { files_read = progress.files_done; };
  const IndexReport second = run_index(options, events);
  CHECK(second.unchanged == 2);
  CHECK(second.indexed() == 0);
  CHECK(second.deleted == 0);
  CHECK(files_read == 0);
  CHECK(open(index).get_doccount() == 2);
}

TEST_CASE("new, changed, deleted, renamed and touched files are each counted once",
          "[indexer][incremental]") {
  const TempDir reports, index;
  reports.write("changed.txt", "old words");
  const fs::path gone = reports.write("gone.txt", "vanishing report");
  const fs::path moved = reports.write("moved.txt", "a report about Volt Typhoon that moves");
  const fs::path touched = reports.write("touched.txt", "same content");
  const IndexOptions options = options_for(reports, index);
  run_index(options);
  const Xapian::docid moved_id = docid_of(open(index), moved);

  reports.write("new.txt", "fresh report");
  const fs::path changed = reports.write("changed.txt", "new words");
  shift_mtime(changed, 5);
  fs::remove(gone);
  fs::create_directories(reports.path() / "archive");
  const fs::path moved_to = reports.path() / "archive" / "renamed.txt";
  fs::rename(moved, moved_to);
  shift_mtime(touched, 10);
  std::vector<FileChange> changes;
  IndexEvents events;
  events.on_change = [&](const FileChange& change) { changes.push_back(change); };
  const IndexReport report = run_index(options, events);

  CHECK(report.added == 1);
  CHECK(report.updated == 1);
  CHECK(report.deleted == 1);
  CHECK(report.renamed == 1);
  CHECK(report.unchanged == 1);
  CHECK(report.failed == 0);
  CHECK(changes.size() == 4);
  const Xapian::Database database = open(index);
  CHECK(database.get_doccount() == 4);
  CHECK(database.get_termfreq("new") == 1);
  CHECK(database.get_termfreq("old") == 0);
  CHECK(database.get_termfreq("vanishing") == 0);
  CHECK(docid_of(database, moved) == 0);
  CHECK(docid_of(database, moved_to) == moved_id);
  const auto record = dossier::analysis::decode_record(database.get_document(moved_id).get_data());
  CHECK(record.path == moved_to.string());
  CHECK(database.get_termfreq("Parchive") == 1);
  const Xapian::Document touched_document = database.get_document(docid_of(database, touched));
  const auto touched_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(
          std::chrono::file_clock::to_sys(fs::last_write_time(touched)).time_since_epoch())
          .count();
  CHECK(schema::decode_int64(touched_document.get_value(schema::kMtimeSlot)) == touched_ns);
}

TEST_CASE("a touched file is read once, then left alone", "[indexer][incremental]") {
  const TempDir reports, index;
  const fs::path file = reports.write("a.txt", "content");
  const IndexOptions options = options_for(reports, index);
  run_index(options);
  shift_mtime(file, 3);
  std::size_t files_read = 0;
  IndexEvents events;
  events.on_progress = [&](const IndexProgress& progress) { files_read = progress.files_done; };
  CHECK(run_index(options, events).unchanged == 1);
  CHECK(files_read == 1);
  CHECK(run_index(options, events).unchanged == 1);
  CHECK(files_read == 1);  // not called again: nothing to read
}

TEST_CASE("a full run reads every file again and keeps one document per file", "[indexer][incremental]") {
  const TempDir reports, index;
  reports.write("a.txt", "alpha");
  reports.write("b.txt", "bravo");
  IndexOptions options = options_for(reports, index);
  run_index(options);
  options.mode = dossier::indexer::RunMode::Full;
  const IndexReport report = run_index(options);
  CHECK(report.updated == 2);
  CHECK(report.unchanged == 0);
  CHECK(open(index).get_doccount() == 2);
}

TEST_CASE("several roots share a database and each is tracked on its own", "[indexer][incremental]") {
  const TempDir first, second, index;
  first.write("a.txt", "alpha");
  second.write("b.txt", "bravo");
  IndexOptions options;
  options.database = index.path() / "db";
  options.roots = {first.path()};
  run_index(options);
  options.roots = {second.path()};
  const IndexReport report = run_index(options);
  CHECK(report.added == 1);
  CHECK(report.deleted == 0);  // the first root was not walked: its documents stay
  const Xapian::Database database = open(index);
  CHECK(database.get_doccount() == 2);
  fs::remove(second.path() / "b.txt");
  second.write("c.txt", "charlie");
  CHECK(run_index(options).deleted == 1);
  CHECK(open(index).get_termfreq("alpha") == 1);
}

TEST_CASE("a root that disappears or is suddenly empty deletes nothing", "[indexer][incremental]") {
  const TempDir parent, index;
  const fs::path root = parent.path() / "share";
  parent.write("share/a.txt", "alpha");
  parent.write("share/b.txt", "bravo");
  IndexOptions options;
  options.database = index.path() / "db";
  options.roots = {root};
  run_index(options);

  fs::rename(root, parent.path() / "elsewhere");
  IndexReport report = run_index(options);
  CHECK(report.root_errors == 1);
  CHECK(report.deleted == 0);
  CHECK(open(index).get_doccount() == 2);

  fs::create_directories(root);  // an unmounted share's empty mount point
  report = run_index(options);
  CHECK(report.root_errors == 1);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].reason ==
        "is empty but the index holds 2 documents from it; nothing deleted (if it is "
        "retired, remove it with: dossier forget " +
            root.string() + ")");
  CHECK(open(index).get_doccount() == 2);
}

TEST_CASE("a file that fails is remembered and not read again until it changes", "[indexer][incremental]") {
  const TempDir reports, index;
  const fs::path big = reports.write("big.txt", std::string(2000, 'x'));
  IndexOptions options = options_for(reports, index);
  options.max_file_bytes = 1000;
  CHECK(run_index(options).failed == 1);
  // Still failing: counted failed, but as an earlier failure, not read nor reported again.
  IndexReport report = run_index(options);
  CHECK(report.failed == 1);
  CHECK(report.failed_before == 1);
  CHECK(report.failed_this_run() == 0);
  CHECK(report.errors.empty());
  CHECK(report.skipped == 0);
  options.failed_files = dossier::indexer::FailedFilesPolicy::RetryAll;
  report = run_index(options);
  CHECK(report.failed == 1);
  CHECK(report.failed_this_run() == 1);
  options.failed_files = dossier::indexer::FailedFilesPolicy::RetryWhenChanged;
  reports.write("big.txt", "small now");
  report = run_index(options);
  CHECK(report.added == 1);
  CHECK(report.failed == 0);
  CHECK(run_index(options).unchanged == 1);
}

TEST_CASE("a file that fails after it was indexed keeps its document", "[indexer][incremental]") {
  const TempDir reports, index;
  const fs::path file = reports.write("a.txt", "alpha");
  IndexOptions options = options_for(reports, index);
  run_index(options);
  reports.write("a.txt", std::string(2000, 'x'));
  options.max_file_bytes = 1000;
  const IndexReport report = run_index(options);
  CHECK(report.failed == 1);
  CHECK(report.deleted == 0);
  CHECK(open(index).get_termfreq("alpha") == 1);
  const IndexReport again = run_index(options);  // remembered: not read again until it changes
  CHECK(again.failed == 1);
  CHECK(again.failed_before == 1);
  CHECK(again.skipped == 0);
  CHECK(open(index).get_termfreq("alpha") == 1);
}

TEST_CASE("the last run is recorded in the database", "[indexer][incremental]") {
  const TempDir reports, index;
  reports.write("a.txt", "alpha");
  run_index(options_for(reports, index));
  const std::string last_run = open(index).get_metadata(std::string(schema::kLastRunKey));
  CHECK(last_run.starts_with("{\"finished\":\""));
  CHECK(last_run.find("\"added\":1") != std::string::npos);
}

TEST_CASE("a link loop is skipped and counted, warned about once, and never fails a run",
          "[indexer][incremental]") {
  const TempDir reports, index;
  reports.write("a.txt", "alpha");
  fs::create_directories(reports.path() / "sub");
  fs::create_directory_symlink(reports.path(), reports.path() / "sub" / "up");
  IndexOptions options = options_for(reports, index);
  options.symlinks = dossier::indexer::SymlinkPolicy::Follow;
  std::vector<std::string> warnings;
  std::vector<std::string> skipped;
  IndexEvents events;
  events.on_warning = [&](const dossier::indexer::FileError& warning) { warnings.push_back(warning.reason); };
  events.on_skip = [&](const dossier::indexer::SkippedFile& file) { skipped.push_back(file.reason); };
  IndexReport report = run_index(options, events);
  CHECK(report.failed == 0);
  CHECK(report.errors.empty());
  CHECK(report.skipped == 1);
  CHECK(report.added == 1);
  CHECK(warnings == std::vector<std::string>{"symbolic link loop (it leads back to " +
                                             reports.path().string() + "); skipped"});
  // Known now: counted and named to --verbose, no warning again.
  report = run_index(options, events);
  CHECK(report.skipped == 1);
  CHECK(report.failed == 0);
  CHECK(warnings.size() == 1);
  CHECK(skipped.size() == 2);
  // Gone, then back: news again.
  fs::remove(reports.path() / "sub" / "up");
  CHECK(run_index(options, events).skipped == 0);
  fs::create_directory_symlink(reports.path(), reports.path() / "sub" / "up");
  run_index(options, events);
  CHECK(warnings.size() == 2);
}
