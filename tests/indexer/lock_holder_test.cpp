// The note that names the holder of an index's writer lock, and the lock message built from it.
#include "lock_holder.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "dossier/indexer/index_writer.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using dossier::indexer::LockHolder;
using dossier::indexer::read_lock_holder;
using dossier::indexer::record_lock_holder;
using dossier::testing::TempDir;

namespace {

// A pid that ran and is gone: a child that exited and was reaped.
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

}  // namespace

TEST_CASE("a lock note reads back while its process runs, and is stale once it does not", "[lock_holder]") {
  const TempDir db;
  const LockHolder me = dossier::indexer::this_process("dossier index");
  CHECK_FALSE(read_lock_holder(db.path()));
  record_lock_holder(db.path(), me);
  const auto read = read_lock_holder(db.path());
  REQUIRE(read);
  CHECK(read->command == "dossier index");
  CHECK(read->pid == ::getpid());
  CHECK(read->host == me.host);
  CHECK(read->since == me.since);
  CHECK(dossier::indexer::describe(*read) == "dossier index (pid " + std::to_string(::getpid()) +
                                                 " on host " + me.host + ", since " + me.since + ")");

  LockHolder killed = me;
  killed.pid = dead_pid();
  record_lock_holder(db.path(), killed);
  CHECK_FALSE(read_lock_holder(db.path()));  // a killed writer's note never names a holder
  LockHolder reused = me;
  reused.program = "not-dossier";
  record_lock_holder(db.path(), reused);
  CHECK_FALSE(read_lock_holder(db.path()));  // our pid, but the note's program is another one
  LockHolder remote = killed;
  remote.host = "elsewhere.example";
  record_lock_holder(db.path(), remote);
  REQUIRE(read_lock_holder(db.path()));  // cannot be checked from here: Xapian's lock vouches
  CHECK(read_lock_holder(db.path())->host == "elsewhere.example");
}

TEST_CASE("a lock note is removed by its own writer only, and garbage is no note", "[lock_holder]") {
  const TempDir db;
  LockHolder other = dossier::indexer::this_process("dossier forget");
  other.pid = ::getpid() + 1;
  record_lock_holder(db.path(), other);
  dossier::indexer::clear_lock_holder(db.path(), ::getpid());
  CHECK(fs::exists(db.path() / "dossier-writer"));
  dossier::indexer::clear_lock_holder(db.path(), other.pid);
  CHECK_FALSE(fs::exists(db.path() / "dossier-writer"));
  std::ofstream(db.path() / "dossier-writer") << "garbage\n";
  CHECK_FALSE(read_lock_holder(db.path()));
  CHECK(std::distance(fs::directory_iterator(db.path()), fs::directory_iterator()) ==
        1);  // no temporary left
}

TEST_CASE("a locked index names its holder; the note goes when the writer closes", "[lock_holder]") {
  const TempDir index;
  const fs::path db = index.path() / "db";
  {
    const dossier::indexer::IndexWriter holder(db, {}, std::chrono::milliseconds(0), "dossier forget");
    REQUIRE(fs::exists(db / "dossier-writer"));
    CHECK_THROWS_WITH(dossier::indexer::IndexWriter(db, {}),
                      Catch::StartsWith("index " + db.string() + " is locked by dossier forget (pid " +
                                        std::to_string(::getpid()) + " on host "));
  }
  CHECK_FALSE(fs::exists(db / "dossier-writer"));
  // A note left by a killed writer, with the lock free: the next writer takes over.
  LockHolder killed = dossier::indexer::this_process("dossier index");
  killed.pid = dead_pid();
  record_lock_holder(db, killed);
  {
    const dossier::indexer::IndexWriter next(db, {});
    CHECK(read_lock_holder(db)->pid == ::getpid());
  }
}
