// Retiring a root: its documents and its state go, other roots stay.
#include "dossier/indexer/root_forgetting.h"

#include <xapian.h>

#include <catch2/catch.hpp>

#include "dossier/analysis/digest.h"
#include "dossier/analysis/schema.h"
#include "dossier/indexer/index_writer.h"
#include "dossier/indexer/indexer.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
namespace schema = dossier::analysis::schema;
using dossier::indexer::forget_root;
using dossier::indexer::ForgetOptions;
using dossier::indexer::IndexOptions;
using dossier::indexer::run_index;
using dossier::testing::TempDir;

namespace {

struct TwoRoots {
  TempDir parent, index;
  fs::path old_root = parent.path() / "old";
  fs::path kept_root = parent.path() / "kept";
  fs::path db = index.path() / "db";

  TwoRoots() {
    parent.write("old/a.txt", "alpha");
    parent.write("old/b.txt", "bravo");
    parent.write("old/big.txt", std::string(3000, 'x'));
    parent.write("kept/c.txt", "charlie");
    IndexOptions options;
    options.database = db;
    options.roots = {old_root, kept_root};
    options.max_file_bytes = 1000;
    run_index(options);
  }

  ForgetOptions forget(const fs::path& root) const { return ForgetOptions{db, root, {}}; }
};

}  // namespace

TEST_CASE("forgetting a root removes its documents, failures and record, and nothing else", "[forget]") {
  const TwoRoots roots;
  const auto report = forget_root(roots.forget(roots.parent.path() / "old" / "."));  // any spelling
  CHECK(report.root == roots.old_root.string());
  CHECK(report.documents == 2);
  CHECK(report.failures == 1);
  const Xapian::Database database(roots.db.string());
  CHECK(database.get_doccount() == 1);
  CHECK(database.get_termfreq("alpha") == 0);
  CHECK(database.get_termfreq("charlie") == 1);
  const std::string digest = dossier::analysis::digest_hex(roots.old_root.string());
  CHECK(database.get_metadata(std::string(schema::kRootKeyPrefix) + digest).empty());
  CHECK(database.metadata_keys_begin(std::string(schema::kFailedKeyPrefix)) ==
        database.metadata_keys_end(std::string(schema::kFailedKeyPrefix)));
}

TEST_CASE("a root gone from disk, or emptied, can be forgotten; then runs stop complaining", "[forget]") {
  const TwoRoots roots;
  fs::remove_all(roots.old_root);
  fs::create_directories(roots.old_root);  // emptied for good
  IndexOptions options;
  options.database = roots.db;
  options.roots = {roots.old_root, roots.kept_root};
  CHECK(run_index(options).root_errors == 1);
  forget_root(roots.forget(roots.old_root));
  const auto report = run_index(options);
  CHECK(report.root_errors == 0);
  CHECK(report.deleted == 0);
  fs::remove_all(roots.old_root);
  CHECK(forget_root(roots.forget(roots.kept_root)).documents == 1);
}

TEST_CASE("forgetting a root the index does not hold names the roots it does", "[forget]") {
  const TwoRoots roots;
  CHECK_THROWS_AS(forget_root(roots.forget(roots.parent.path() / "other")),
                  dossier::indexer::UnknownRootError);
  CHECK_THROWS_WITH(forget_root(roots.forget("/nowhere")),
                    Catch::Contains("/nowhere is not a root of index") &&
                        Catch::Contains(roots.kept_root.string()) &&
                        Catch::Contains(roots.old_root.string()));
  CHECK(Xapian::Database(roots.db.string()).get_doccount() == 3);
}

TEST_CASE("forget needs an index and the writer's lock", "[forget]") {
  const TempDir empty;
  CHECK_THROWS_AS(forget_root(ForgetOptions{empty.path() / "db", "/x", {}}),
                  dossier::indexer::IndexWriteError);
  CHECK_THROWS_AS(forget_root(ForgetOptions{empty.path(), "/x", {}}), dossier::indexer::IndexWriteError);
  CHECK_FALSE(fs::exists(empty.path() / "db"));
  CHECK_FALSE(fs::exists(empty.path() / "iamglass"));
  const TwoRoots roots;
  const Xapian::WritableDatabase holder(roots.db.string(), Xapian::DB_OPEN);
  CHECK_THROWS_AS(forget_root(roots.forget(roots.old_root)), dossier::indexer::IndexLockedError);
}

TEST_CASE("the forget report reads as JSON and as a line", "[forget]") {
  const dossier::indexer::ForgetReport report{"/srv/old", 12, 1, 0};
  CHECK(dossier::indexer::forget_report_to_json(report) ==
        "{\"root\":\"/srv/old\",\"documents\":12,\"failed_files\":1,\"loops\":0}");
  CHECK(dossier::indexer::forget_report_to_line(report) ==
        "forgot /srv/old: 12 documents, 1 failed files, 0 link loops");
}
