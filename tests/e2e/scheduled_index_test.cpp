// The real binary as an operator's scheduled job runs it: incremental reruns, roots that vanish,
// the writer's lock, output fit for cron, and `dossier stats`.
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <future>

#include "dossier_runner.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using dossier::testing::json_of;
using dossier::testing::ProcessResult;
using dossier::testing::ProcessSpec;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

ProcessResult index_json(const fs::path& root, const fs::path& db, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"index", root.string(), "--db", db.string(), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_dossier(args);
}

// Paths of the hits of `query`, in rank order.
std::vector<std::string> hit_paths(const fs::path& db, const std::string& query) {
  const ProcessResult result = run_dossier({"search", query, "--db", db.string(), "--json"});
  std::vector<std::string> paths;
  if (result.exit_code != 0) return paths;
  const auto json = json_of(result);
  for (const auto& hit : json["hits"])
    paths.push_back(hit["path"]);
  return paths;
}

void shift_mtime(const fs::path& file, int seconds) {
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(seconds));
}

}  // namespace

TEST_CASE("a rerun over an unchanged corpus reports every file unchanged", "[e2e][scheduled]") {
  const TempDir index;
  const fs::path db = index.path() / "db";
  const auto first = index_json(dossier::testing::kCorpusDir, db);
  REQUIRE(first.exit_code == 0);
  const std::size_t files = json_of(first)["added"];
  CHECK(files >= 5);
  const ProcessResult rerun = index_json(dossier::testing::kCorpusDir, db);
  CHECK(rerun.exit_code == 0);
  const auto second = json_of(rerun);
  CHECK(second["unchanged"] == files);
  for (const char* count : {"added", "updated", "renamed", "deleted", "failed", "indexed"}) {
    CHECK(second[count] == 0);
  }
}

TEST_CASE("one new, changed, deleted, renamed and touched file each show in the summary and in searches",
          "[e2e][scheduled]") {
  const TempDir reports, index;
  const fs::path db = index.path() / "db";
  reports.write("changed.txt", "Fortinet appliances were exploited");
  const fs::path deleted = reports.write("deleted.txt", "a report about Sandworm");
  const fs::path renamed = reports.write("inbox/renamed.txt", "Volt Typhoon prepositioning in utilities");
  const fs::path touched = reports.write("touched.txt", "MIVD assessment");
  REQUIRE(index_json(reports.path(), db).exit_code == 0);

  reports.write("new.txt", "Salt Typhoon telecom intrusions");
  shift_mtime(reports.write("changed.txt", "Ivanti gateways were exploited"), 5);
  fs::remove(deleted);
  fs::create_directories(reports.path() / "archive");
  const fs::path renamed_to = reports.path() / "archive" / "volt.txt";
  fs::rename(renamed, renamed_to);
  shift_mtime(touched, 10);
  const auto result = index_json(reports.path(), db);
  CHECK(result.exit_code == 0);
  const auto json = json_of(result);
  CHECK(json["added"] == 1);
  CHECK(json["updated"] == 1);
  CHECK(json["deleted"] == 1);
  CHECK(json["renamed"] == 1);
  CHECK(json["unchanged"] == 1);
  CHECK(json["indexed"] == 3);

  CHECK(hit_paths(db, "Salt Typhoon").size() == 1);
  CHECK(hit_paths(db, "Ivanti").size() == 1);
  CHECK(hit_paths(db, "Fortinet").empty());
  CHECK(hit_paths(db, "Sandworm").empty());
  CHECK(hit_paths(db, "prepositioning") == std::vector<std::string>{renamed_to.string()});
  CHECK(hit_paths(db, "MIVD").size() == 1);
  CHECK(Xapian::Database(db.string()).get_doccount() == 4);
}

TEST_CASE("moving the root away deletes nothing and exits 2", "[e2e][scheduled]") {
  const TempDir parent, index;
  const fs::path db = index.path() / "db";
  parent.write("share/a.txt", "Volt Typhoon");
  parent.write("share/b.txt", "Salt Typhoon");
  const fs::path share = parent.path() / "share";
  REQUIRE(index_json(share, db).exit_code == 0);
  fs::rename(share, parent.path() / "moved");
  const auto result = index_json(share, db);
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "error: " + share.string() +
            ": does not exist; nothing deleted (if it is retired, remove it with: dossier forget " +
            share.string() + ")\n");
  CHECK(json_of(result)["deleted"] == 0);
  CHECK(json_of(result)["root_errors"] == 1);
  CHECK(hit_paths(db, "typhoon").size() == 2);

  fs::create_directories(share);  // the mount point of a share that did not mount
  const auto empty = index_json(share, db);
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("is empty but the index holds 2 documents from it; nothing deleted (if it is retired, "
                       "remove it with: dossier forget " +
                       share.string() + ")") != std::string::npos);
  CHECK(hit_paths(db, "typhoon").size() == 2);
}

TEST_CASE("a missing folder on a first run exits 2 and creates no index", "[e2e][scheduled]") {
  const TempDir index;
  const fs::path absent = index.path() / "absent";
  const auto result = run_dossier({"index", absent.string(), "--db", (index.path() / "db").string()});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "error: " + absent.string() + ": does not exist\n");
  CHECK_FALSE(fs::exists(index.path() / "db"));
}

TEST_CASE("documents below a folder that cannot be read are kept", "[e2e][scheduled]") {
  const TempDir reports, index;
  const fs::path db = index.path() / "db";
  reports.write("open/a.txt", "Volt Typhoon");
  reports.write("locked/b.txt", "Salt Typhoon");
  REQUIRE(index_json(reports.path(), db).exit_code == 0);
  const fs::path locked = reports.path() / "locked";
  fs::permissions(locked, fs::perms::none);
  // As root, permissions do not stop reading: drop the capabilities that bypass them.
  std::vector<std::string> args = {
      dossier::testing::kDossierBinary, "index", reports.path().string(), "--db", db.string(), "--json"};
  if (::geteuid() == 0) {
    REQUIRE(fs::exists("/usr/bin/setpriv"));
    args.insert(args.begin(), {"/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search"});
  }
  ProcessSpec spec;
  spec.argv = args;
  const ProcessResult result = dossier::testing::run_process(spec);
  fs::permissions(locked, fs::perms::owner_all);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(locked.string()) != std::string::npos);
  CHECK(json_of(result)["deleted"] == 0);
  CHECK(hit_paths(db, "typhoon").size() == 2);
}

namespace {

// Holds the writer's lock of `db` from construction until `release()`: a thread opens the database
// for writing and blocks on a future the test fulfils, so the lock is held for as long as the test
// needs it, not for a time that a slow machine may outlast.
class LockHolder {
 public:
  explicit LockHolder(const fs::path& db) {
    std::promise<void> locked;
    std::future<void> is_locked = locked.get_future();
    holder_ = std::async(std::launch::async, [db, &locked, released = release_.get_future()] {
      try {
        const Xapian::WritableDatabase writer(db.string(), Xapian::DB_OPEN);
        locked.set_value();
        released.wait();
      } catch (...) {
        locked.set_exception(std::current_exception());
      }
    });
    is_locked.get();  // rethrows what stopped the thread from taking the lock
  }
  LockHolder(const LockHolder&) = delete;
  LockHolder& operator=(const LockHolder&) = delete;
  ~LockHolder() { release(); }

  void release() {
    if (!holder_.valid()) return;
    release_.set_value();
    holder_.get();
  }

 private:
  std::promise<void> release_;
  std::future<void> holder_;
};

// Counts the opens of one file (inotify): a writer opens the lock file at each attempt to take the
// lock, so a second open by a waiting writer proves that its first attempt found the lock held.
class OpenCounter {
 public:
  explicit OpenCounter(const fs::path& file) : fd_(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) {
    REQUIRE(fd_ >= 0);
    REQUIRE(::inotify_add_watch(fd_, file.c_str(), IN_OPEN) >= 0);
  }
  OpenCounter(const OpenCounter&) = delete;
  OpenCounter& operator=(const OpenCounter&) = delete;
  ~OpenCounter() { ::close(fd_); }

  // Blocks until the file has been opened `wanted` times in all, or `done` is ready (the process
  // that should open it has ended). Returns the opens seen.
  int wait_for(int wanted, const std::future<ProcessResult>& done) {
    while (opens_ < wanted && done.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      pollfd ready{fd_, POLLIN, 0};
      if (::poll(&ready, 1, 100) <= 0) continue;  // the 100 ms only paces the look at `done`
      alignas(inotify_event) char events[4096];
      const ssize_t size = ::read(fd_, events, sizeof events);
      for (ssize_t at = 0; at < size;) {
        const auto* event = reinterpret_cast<const inotify_event*>(events + at);
        if (event->mask & IN_OPEN) ++opens_;
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      }
    }
    return opens_;
  }

 private:
  int fd_;
  int opens_ = 0;
};

}  // namespace

TEST_CASE("a second writer exits 75 at once, or waits for the lock with --wait", "[e2e][scheduled]") {
  const TempDir reports, index;
  reports.write("a.txt", "one");
  const fs::path db = index.path() / "db";
  REQUIRE(index_json(reports.path(), db).exit_code == 0);
  LockHolder lock(db);
  const auto refused = index_json(reports.path(), db);
  CHECK(refused.exit_code == 75);
  // A writer that left no note (not Dossier): no holder is named.
  CHECK(refused.err ==
        "error: index " + db.string() + " is locked by another writer; try again later or use --wait\n");

  // The lock is released only once the waiting writer has tried it, found it held and tried again.
  OpenCounter lock_file_opens(db / "flintlock");
  std::future<ProcessResult> waiting = std::async(std::launch::async, [&] {
    return index_json(reports.path(), db, {"--wait", "120"});
  });
  CHECK(lock_file_opens.wait_for(2, waiting) >= 2);
  lock.release();
  const ProcessResult waited = waiting.get();
  CHECK(waited.exit_code == 0);
  CHECK(json_of(waited)["unchanged"] == 1);
}

TEST_CASE("a locked index names its holder: command, pid, host and since when", "[e2e][scheduled]") {
  const TempDir reports, index;
  for (int i = 0; i < 150; ++i)
    reports.write("r" + std::to_string(i) + ".txt", "report number " + std::to_string(i));
  const fs::path db = index.path() / "db";
  const fs::path note = db / "dossier-writer";
  // One commit per document on one thread: slow enough to be caught holding the lock.
  std::future<ProcessResult> slow = std::async(std::launch::async, [&] {
    return run_dossier(
        {"index", reports.path().string(), "--db", db.string(), "--batch", "1", "--jobs", "1"});
  });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!fs::exists(note) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(fs::exists(note));
  std::ifstream in(note);
  std::string command, pid, host, since;
  std::getline(in, command, '\t');
  std::getline(in, pid, '\t');
  std::getline(in, host, '\t');
  std::getline(in, since, '\t');
  CHECK(command == "dossier index");
  const auto second = run_dossier({"index", reports.path().string(), "--db", db.string()});
  const auto forget = run_dossier({"forget", reports.path().string(), "--db", db.string(), "--wait", "0.1"});
  const ProcessResult first = slow.get();
  REQUIRE(first.exit_code == 0);
  CHECK(second.exit_code == 75);
  CHECK(second.err == "error: index " + db.string() + " is locked by dossier index (pid " + pid +
                          " on host " + host + ", since " + since + "); try again later or use --wait\n");
  CHECK(forget.exit_code == 75);
  CHECK_THAT(forget.err, Catch::Contains("is locked by dossier index (pid " + pid + " on host " + host));
  CHECK_THAT(forget.err, Catch::EndsWith("(waited 0.1 s); try again later\n"));
  CHECK_FALSE(fs::exists(note));  // removed when the holder closed the index
}

TEST_CASE("a lock note left by a killed writer never blocks nor misleads", "[e2e][scheduled]") {
  const TempDir reports, index;
  reports.write("a.txt", "one");
  const fs::path db = index.path() / "db";
  REQUIRE(index_json(reports.path(), db).exit_code == 0);
  const pid_t gone = [] {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
  }();
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  std::ofstream(db / "dossier-writer")
      << "dossier index\t" << gone << "\t" << host << "\t2026-01-01T00:00:00Z\tdossier\n";
  {
    const Xapian::WritableDatabase other(db.string(), Xapian::DB_OPEN);
    const auto refused = index_json(reports.path(), db);
    CHECK(refused.exit_code == 75);
    CHECK_THAT(refused.err, Catch::Contains("is locked by another writer"));  // not by the dead pid
  }
  const auto next = index_json(reports.path(), db);
  CHECK(next.exit_code == 0);
  CHECK_FALSE(fs::exists(db / "dossier-writer"));
}

TEST_CASE("off a terminal a good run prints nothing; on one it shows progress and a summary",
          "[e2e][scheduled]") {
  const TempDir reports, index;
  reports.write("a.txt", "one");
  const std::string db = (index.path() / "db").string();
  const auto quiet = run_dossier({"index", reports.path().string(), "--db", db});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());

  reports.write("b.txt", "two");
  ProcessSpec terminal;
  terminal.stderr_is_terminal = true;
  terminal.env["TERM"] = "xterm";
  const auto shown = run_dossier({"index", reports.path().string(), "--db", db}, terminal);
  CHECK(shown.exit_code == 0);
  CHECK(shown.err.find("1/1 files") != std::string::npos);
  CHECK(shown.err.find("added 1, updated 0, renamed 0, deleted 0, unchanged 1, skipped 0, failed 0 in ") !=
        std::string::npos);

  reports.write("c.txt", "three");
  const auto silenced = run_dossier({"index", reports.path().string(), "--db", db, "--quiet"}, terminal);
  CHECK(silenced.exit_code == 0);
  CHECK(silenced.err.empty());
}

TEST_CASE("index --verbose names each change and summarises, even off a terminal", "[e2e][scheduled]") {
  const TempDir reports, index;
  const fs::path file = reports.write("a.txt", "one");
  const std::string db = (index.path() / "db").string();
  const auto result = run_dossier({"index", reports.path().string(), "--db", db, "--verbose"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.starts_with("added " + file.string() + "\nadded 1, updated 0"));
}

TEST_CASE("a failed file is not retried until it changes, unless --retry-failed", "[e2e][scheduled]") {
  const TempDir reports, index;
  reports.write("big.txt", std::string(500, 'x'));
  const fs::path db = index.path() / "db";
  CHECK(index_json(reports.path(), db, {"--max-size", "100"}).exit_code == 1);
  const auto again = index_json(reports.path(), db, {"--max-size", "100"});
  // Still failing, old news: counted failed (as failed before), not named, exit 0.
  CHECK(again.exit_code == 0);
  CHECK(again.err.empty());
  CHECK(json_of(again)["failed"] == 1);
  CHECK(json_of(again)["failed_before"] == 1);
  CHECK(json_of(again)["skipped"] == 0);
  CHECK(json_of(again)["errors"].empty());
  CHECK(index_json(reports.path(), db, {"--max-size", "100", "--retry-failed"}).exit_code == 1);
}

TEST_CASE("stats lists the files that still fail, with reason and since when", "[e2e][scheduled]") {
  const TempDir reports, index;
  const fs::path big = reports.write("big.txt", std::string(500, 'x'));
  const fs::path odd = reports.write("tab\tname.txt", std::string(600, 'y'));
  reports.write("fine.txt", "fine");
  const fs::path db = index.path() / "db";
  REQUIRE(index_json(reports.path(), db, {"--max-size", "100"}).exit_code == 1);
  REQUIRE(index_json(reports.path(), db, {"--max-size", "100"}).exit_code == 0);
  const auto result = run_dossier({"stats", "--db", db.string(), "--json"});
  REQUIRE(result.exit_code == 0);
  const auto stats = json_of(result);
  REQUIRE(stats["failed_files"].size() == 2);
  CHECK(stats["failed_files"][0]["path"] == big.string());
  CHECK(stats["failed_files"][0]["reason"].get<std::string>().find("larger than") != std::string::npos);
  CHECK(stats["failed_files"][0]["since"].get<std::string>().size() == 20);  // 2026-12-02T10:00:00Z
  CHECK(stats["failed_files"][1]["path"] == odd.string());
  CHECK(stats["last_run"]["failed"] == 2);
  CHECK(stats["last_run"]["failed_before"] == 2);
  const auto text = run_dossier({"stats", "--db", db.string()});
  CHECK_THAT(text.out, Catch::Contains("failing files: 2\n  " + big.string() + ": "));
  CHECK_THAT(text.out, Catch::Contains("(since "));
  // Fixed: no longer listed.
  reports.write("big.txt", "small");
  reports.write("tab\tname.txt", "small");
  REQUIRE(index_json(reports.path(), db, {"--max-size", "100"}).exit_code == 0);
  CHECK(json_of(run_dossier({"stats", "--db", db.string(), "--json"}))["failed_files"].empty());
}

TEST_CASE("index --full reads every file again and keeps one document per file", "[e2e][scheduled]") {
  const TempDir reports, index;
  reports.write("a.txt", "one");
  reports.write("b.txt", "two");
  const fs::path db = index.path() / "db";
  REQUIRE(index_json(reports.path(), db).exit_code == 0);
  const ProcessResult full = index_json(reports.path(), db, {"--full"});
  CHECK(full.exit_code == 0);
  const auto json = json_of(full);
  CHECK(json["updated"] == 2);
  CHECK(Xapian::Database(db.string()).get_doccount() == 2);
}

TEST_CASE("stats shows documents, roots, the last run, size and top entities", "[e2e][scheduled]") {
  const TempDir index;
  const fs::path db = index.path() / "db";
  const ProcessResult indexed = index_json(dossier::testing::kCorpusDir, db);
  REQUIRE(indexed.exit_code == 0);
  const auto run = json_of(indexed);
  const auto result = run_dossier({"stats", "--db", db.string(), "--json"});
  REQUIRE(result.exit_code == 0);
  const auto stats = json_of(result);
  CHECK(stats["documents"] == run["added"]);
  REQUIRE(stats["roots"].size() == 1);
  CHECK(stats["roots"][0]["path"] == fs::canonical(dossier::testing::kCorpusDir).string());
  CHECK(stats["roots"][0]["documents"] == run["added"]);
  CHECK(stats["last_run"]["added"] == run["added"]);
  CHECK(stats["last_run"]["finished"].get<std::string>().ends_with("Z"));
  CHECK(stats["size_bytes"].get<std::uint64_t>() > 10'000);
  REQUIRE_FALSE(stats["countries"].empty());
  CHECK(stats["countries"][0]["count"] >= stats["countries"].back()["count"]);
  CHECK_FALSE(stats["actors"].empty());

  const auto text = run_dossier({"stats", "--db", db.string()});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("documents: " + std::to_string(run["added"].get<int>())) != std::string::npos);
  CHECK(run_dossier({"stats", "--db", (index.path() / "none").string()}).exit_code == 2);
}
