// The real binary against a catalogue of hostile files: whatever sits beside a good report, `dossier
// index` never crashes or hangs, names each file it cannot read with a reason, indexes every good file
// and exits 0 or 1. Each test puts one kind of bad file next to good.txt, whose word "zanzibarite"
// must stay searchable.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <string>

#include "dossier_runner.h"
#include "temp_dir.h"
#include "test_pdf.h"

namespace fs = std::filesystem;
using dossier::testing::json_of;
using dossier::testing::ProcessResult;
using dossier::testing::ProcessSpec;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// Generous: sanitizer builds run several times slower than release builds.
constexpr std::chrono::seconds kWatchdog{180};
constexpr const char* kGoodWord = "zanzibarite";

// `dossier ARGS...` under the watchdog.
ProcessResult run_guarded(std::vector<std::string> args, ProcessSpec spec = {}) {
  spec.timeout = kWatchdog;
  return run_dossier(std::move(args), std::move(spec));
}

// A folder of reports holding good.txt, and an index folder beside it.
struct Fixture {
  TempDir reports;
  TempDir index;
  fs::path db = index.path() / "db";
  fs::path good = reports.write("good.txt", std::string("A report about ") + kGoodWord + ".\n");

  ProcessResult index_reports(ProcessSpec spec = {}) const {
    return run_guarded({"index", reports.path().string(), "--db", db.string(), "--json"}, std::move(spec));
  }

  // The paths of the documents `query` finds (empty when none or on error).
  std::vector<std::string> found(const std::string& query) const {
    const ProcessResult result = run_guarded({"search", query, "--db", db.string(), "--json", "-n", "100"});
    INFO(result.err);
    REQUIRE(result.signal == 0);
    REQUIRE_FALSE(result.timed_out);
    std::vector<std::string> paths;
    if (result.exit_code != 0) return paths;
    const auto json = json_of(result);
    for (const auto& hit : json["hits"])
      paths.push_back(hit["path"].get<std::string>());
    return paths;
  }

  bool finds(const std::string& query, const fs::path& file) const {
    for (const std::string& path : found(query)) {
      if (fs::path(path).filename() == file.filename()) return true;
    }
    return false;
  }
};

// The run ended by itself, in time, with exit 0 or 1. A sanitizer report never gets here as an
// exit code: run_process throws on it (tests/support/process.h).
void check_survived(const ProcessResult& result) {
  INFO("stderr: " << result.err);
  CHECK_FALSE(result.timed_out);
  CHECK(result.signal == 0);
  CHECK((result.exit_code == 0 || result.exit_code == 1));
}

// `file` failed: exit 1, named on stderr and in the JSON errors with a non-empty reason.
void check_named_failure(const ProcessResult& result, const fs::path& file) {
  INFO("stderr: " << result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(file.filename().string() + ": ") != std::string::npos);
  bool listed = false;
  const auto json = json_of(result);
  for (const auto& error : json["errors"]) {
    if (error["path"] == file.string()) listed = !error["reason"].get<std::string>().empty();
  }
  CHECK(listed);
}

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string bytes(size, '\0');
  for (char& c : bytes)
    c = static_cast<char>(byte(generator));
  return bytes;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string text;
  text.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i)
    text.append(piece);
  return text;
}

}  // namespace

TEST_CASE("invalid UTF-8 and lone surrogates do not stop a text file from being indexed", "[e2e][hostile]") {
  const Fixture fixture;
  // A lone high and a lone low surrogate (WTF-8), a CESU-8 pair, a truncated sequence, an overlong
  // slash and a code point above U+10FFFF, between plain words.
  const auto bad =
      fixture.reports.write("bad-utf8.txt",
                            "quillwort \xED\xA0\x80 marram \xED\xB0\x80 \xED\xA0\xBD\xED\xB8\x80 \xC3 "
                            "\xC0\xAF \xF4\x90\x80\x80 sedgeland\n");
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  CHECK(result.exit_code == 0);
  CHECK(fixture.finds("quillwort", bad));
  CHECK(fixture.finds("sedgeland", bad));
  CHECK(fixture.finds(kGoodWord, fixture.good));
}

TEST_CASE("NUL bytes inside a text file do not hide its words", "[e2e][hostile]") {
  const Fixture fixture;
  const auto bad = fixture.reports.write("nul.txt", std::string("nullwort\0\0\0 between\0 hornbeam\n", 30));
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  CHECK(result.exit_code == 0);
  CHECK(fixture.finds("nullwort", bad));
  CHECK(fixture.finds("hornbeam", bad));
  CHECK(fixture.finds(kGoodWord, fixture.good));
}

TEST_CASE("random bytes named .pdf fail with a reason and the good file is indexed", "[e2e][hostile]") {
  const Fixture fixture;
  const auto bad = fixture.reports.write("random.pdf", random_bytes(64 * 1024, 8));
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  check_named_failure(result, bad);
  CHECK(fixture.finds(kGoodWord, fixture.good));
}

TEST_CASE("binary junk named .txt or .md fails as binary data, not text, once and remembered",
          "[e2e][hostile]") {
  const Fixture fixture;
  const auto junk = fixture.reports.write("junk.txt", random_bytes(64 * 1024, 11));
  const auto archive = fixture.reports.write("notes.md", random_bytes(3000, 12));
  // Real text that is not UTF-8, or has a few stray control bytes, is text.
  std::string latin1;
  for (int i = 0; i < 20; ++i)
    latin1 +=
        "Rapport sur la s\xE9"
        "curit\xE9 et l'ing\xE9"
        "rence \xE9trang\xE8re: gravelwort. ";
  const auto legacy = fixture.reports.write("latin1.txt", latin1);
  std::string utf16;
  for (char c : std::string_view("Short UTF-16 note on fernbrake\n")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  const auto wide = fixture.reports.write("utf16.txt", utf16);
  const auto stray = fixture.reports.write(
      "stray.txt", std::string("log \x1B[31mred\x1B[0m line with a bell\x07 and\0 a NUL: moorgrass\n", 58));
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  check_named_failure(result, junk);
  check_named_failure(result, archive);
  CHECK(result.err.find("junk.txt: binary data, not text\n") != std::string::npos);
  CHECK(result.err.find("notes.md: binary data, not text\n") != std::string::npos);
  const auto json = json_of(result);
  CHECK(json["failed"] == 2);
  CHECK(json["added"] == 4);
  CHECK(fixture.finds("gravelwort", legacy));
  CHECK(fixture.finds("fernbrake", wide));
  CHECK(fixture.finds("moorgrass", stray));
  CHECK(fixture.finds(kGoodWord, fixture.good));
  // Nothing of the junk is a document: no junk title, no actor "found" in random bytes.
  CHECK(fixture.found("*").size() == 4);
  // The failure is remembered: a rerun does not read the files again, nor name them again.
  const ProcessResult again = fixture.index_reports();
  CHECK(again.err.find("binary data") == std::string::npos);
  CHECK(json_of(again)["added"] == 0);
}

TEST_CASE("a PDF cut short anywhere fails with a reason and the good file is indexed", "[e2e][hostile]") {
  const std::string whole = dossier::testing::build_pdf({{{"Truncated report about sandpiper"}}, "", ""});
  // A quarter, half and three quarters of the file, and every object but the cross-reference
  // table and trailer: poppler cannot open any of them.
  for (const std::size_t size :
       {whole.size() / 4, whole.size() / 2, whole.size() * 3 / 4, whole.find("xref")}) {
    INFO("first " << size << " of " << whole.size() << " bytes");
    const Fixture fixture;
    const auto bad = fixture.reports.write("truncated.pdf", whole.substr(0, size));
    const ProcessResult result = fixture.index_reports();
    check_survived(result);
    check_named_failure(result, bad);
    CHECK(fixture.found("sandpiper").empty());
    CHECK(fixture.finds(kGoodWord, fixture.good));
  }
}

TEST_CASE("empty files of every format are indexed or named, never fatal", "[e2e][hostile]") {
  const Fixture fixture;
  for (const char* name : {"empty.txt", "empty.md", "empty.html", "empty.pdf", "empty.docx", "empty.odt"})
    fixture.reports.write(name, "");
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  const auto json = json_of(result);
  CHECK(json["indexed"].get<int>() + json["failed"].get<int>() == 7);
  for (const char* name : {"empty.pdf", "empty.docx", "empty.odt"})
    check_named_failure(result, fixture.reports.path() / name);
  CHECK(fixture.finds(kGoodWord, fixture.good));
}

TEST_CASE("a .docx that is not a zip archive fails with a reason", "[e2e][hostile]") {
  const Fixture fixture;
  const auto bad = fixture.reports.write("plain.docx", "This is plain text, not a zip archive.\n");
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  check_named_failure(result, bad);
  CHECK(result.err.find("not a DOCX file") != std::string::npos);
  CHECK(fixture.finds(kGoodWord, fixture.good));
}

TEST_CASE("HTML nested 200,000 elements deep is indexed in time, up to libxml2's depth limit",
          "[e2e][hostile]") {
  const Fixture fixture;
  const auto bad =
      fixture.reports.write("deep.html", "<html><body><p>shallowmere</p>" + repeat("<div>", 200'000) +
                                             "deepmere" + repeat("</div>", 200'000) + "</body></html>");
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  CHECK(result.exit_code == 0);
  CHECK(fixture.finds("shallowmere", bad));
  // Past the parser's depth limit (no XML_PARSE_HUGE) the text is dropped, as DESIGN.md says; a
  // parser that kept it would change that documented behaviour, and this check with it.
  CHECK_FALSE(fixture.finds("deepmere", bad));
  CHECK(fixture.finds(kGoodWord, fixture.good));
}

TEST_CASE("a 30 MB file on one line is indexed, its first and last words searchable", "[e2e][hostile]") {
  const Fixture fixture;
  const auto bad = fixture.reports.write(
      "one-line.txt", "firstfen " + repeat("lorem ipsum dolor ", 30 * 1024 * 1024 / 18) + "lastfen");
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  CHECK(result.exit_code == 0);
  CHECK(fixture.finds("firstfen", bad));
  CHECK(fixture.finds("lastfen", bad));
  CHECK(fixture.finds(kGoodWord, fixture.good));
}

TEST_CASE("file names with line breaks or non-UTF-8 bytes are indexed and found", "[e2e][hostile]") {
  const Fixture fixture;
  fixture.reports.write("line\nbreak.txt", "A report about bittern.\n");
  fixture.reports.write("caf\xE9-latin1.txt", "A report about curlew.\n");
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  CHECK(result.exit_code == 0);
  CHECK(json_of(result)["indexed"] == 3);
  CHECK(fixture.found("bittern").size() == 1);
  CHECK(fixture.found("curlew").size() == 1);
  CHECK(fixture.finds(kGoodWord, fixture.good));
}

TEST_CASE("symbolic link loops, dangling links and links to an ancestor are not followed", "[e2e][hostile]") {
  const Fixture fixture;
  const fs::path& root = fixture.reports.path();
  fs::create_directories(root / "sub");
  fs::create_symlink("self.txt", root / "self.txt");
  fs::create_symlink("b.txt", root / "a.txt");
  fs::create_symlink("a.txt", root / "b.txt");
  fs::create_directory_symlink("..", root / "sub" / "up");
  fs::create_directory_symlink(root, root / "sub" / "root");
  fs::create_symlink("missing.txt", root / "dangling.txt");
  fs::create_symlink("good.txt", root / "alias.txt");
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  CHECK(result.exit_code == 0);
  CHECK(json_of(result)["indexed"] == 1);
  CHECK(fixture.found(kGoodWord).size() == 1);
}

TEST_CASE("with --follow-symlinks a link loop is skipped and warned about once, and the run exits 0",
          "[e2e][hostile]") {
  const Fixture fixture;
  const fs::path& root = fixture.reports.path();
  fs::create_directories(root / "sub");
  fs::create_directory_symlink("..", root / "sub" / "up");
  fs::create_symlink("self.txt", root / "self.txt");
  const std::vector<std::string> args = {"index",  root.string(),      "--db", fixture.db.string(),
                                         "--json", "--follow-symlinks"};
  const ProcessResult first = run_guarded(args);
  check_survived(first);
  INFO(first.err);
  CHECK(first.exit_code == 0);
  CHECK(json_of(first)["failed"] == 0);
  CHECK(json_of(first)["skipped"] == 2);
  CHECK_THAT(first.err,
             Catch::Contains("warning: " + (root / "sub" / "up").string() +
                             ": symbolic link loop (it leads back to " + root.string() + "); skipped"));
  CHECK_THAT(first.err, Catch::Contains("warning: " + (root / "self.txt").string()));
  CHECK(fixture.finds(kGoodWord, fixture.good));
  // What cron sees every 15 minutes afterwards: nothing, exit 0.
  const ProcessResult again = run_guarded(args);
  CHECK(again.exit_code == 0);
  CHECK(again.err.empty());
  CHECK(json_of(again)["skipped"] == 2);
  const ProcessResult verbose =
      run_guarded({"index", root.string(), "--db", fixture.db.string(), "--follow-symlinks", "--verbose"});
  CHECK_THAT(verbose.err,
             Catch::Contains("skipped " + (root / "sub" / "up").string() + ": symbolic link loop"));
}

TEST_CASE("a FIFO named .txt neither blocks the run nor stops the good file, and is counted skipped",
          "[e2e][hostile]") {
  const Fixture fixture;
  const fs::path fifo = fixture.reports.path() / "pipe.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  CHECK(result.exit_code == 0);
  CHECK(json_of(result)["skipped"] == 1);
  CHECK(fixture.finds(kGoodWord, fixture.good));

  const ProcessResult verbose =
      run_guarded({"index", fixture.reports.path().string(), "--db", fixture.db.string(), "--verbose"});
  check_survived(verbose);
  CHECK_THAT(verbose.err, Catch::Contains("skipped " + fifo.string() + ": not a regular file"));
}

TEST_CASE("a folder named x.txt is walked as a folder", "[e2e][hostile]") {
  const Fixture fixture;
  const auto inner = fixture.reports.write("x.txt/inner.txt", "A report about dunlin.\n");
  const ProcessResult result = fixture.index_reports();
  check_survived(result);
  CHECK(result.exit_code == 0);
  CHECK(fixture.finds("dunlin", inner));
  CHECK(fixture.finds(kGoodWord, fixture.good));
}

namespace {

// Makes `root` and everything below readable (and folders enterable) by every user.
void open_to_everyone(const fs::path& root) {
  fs::permissions(root, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const auto extra =
        entry.is_directory() ? fs::perms::others_read | fs::perms::others_exec : fs::perms::others_read;
    fs::permissions(entry.path(), extra, fs::perm_options::add);
  }
}

// Takes every write permission away from `root` and everything below it.
void make_read_only(const fs::path& root) {
  constexpr auto kWrite = fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    fs::permissions(entry.path(), kWrite, fs::perm_options::remove);
  fs::permissions(root, kWrite, fs::perm_options::remove);
}

// The run as a user who may not write the index folder (root writes through permission bits, so a
// root test runs the child as "nobody").
ProcessResult index_read_only(const Fixture& fixture) {
  make_read_only(fixture.db);
  ProcessSpec spec;
  spec.env["XDG_CONFIG_HOME"] = fixture.index.path().string();
  if (::geteuid() == 0) {
    open_to_everyone(fixture.reports.path());
    open_to_everyone(fixture.index.path());
    // "nobody" cannot reach the built binary when the checkout is in a private folder (such as
    // one made by `mktemp -d`), so it runs a copy from the index's folder, open to everyone.
    const fs::path program = fixture.index.path() / "dossier";
    fs::copy_file(dossier::testing::kDossierBinary, program, fs::copy_options::overwrite_existing);
    spec.argv = {program.string()};
    spec.user_id = 65534;
  }
  return fixture.index_reports(spec);
}

}  // namespace

TEST_CASE("a read-only index folder is a fatal error naming it, and the old index stays intact",
          "[e2e][hostile]") {
  const Fixture fixture;
  REQUIRE(fixture.index_reports().exit_code == 0);
  fixture.reports.write("later.txt", "A report about plover.\n");
  const ProcessResult result = index_read_only(fixture);
  INFO("stderr: " << result.err);
  CHECK_FALSE(result.timed_out);
  CHECK(result.signal == 0);
  CHECK(result.exit_code == 2);
  CHECK(result.err.starts_with("error: "));
  CHECK(result.err.find(fixture.db.string()) != std::string::npos);
  CHECK(fixture.finds(kGoodWord, fixture.good));
  CHECK(fixture.found("plover").empty());
}

// Xapian reports a lock file it may not create as a DatabaseLockError, like a held lock.
TEST_CASE("a read-only index folder exits 2, not 75 as if another writer held it", "[e2e][hostile]") {
  const Fixture fixture;
  REQUIRE(fixture.index_reports().exit_code == 0);
  const ProcessResult result = index_read_only(fixture);
  INFO("stderr: " << result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("locked by another writer") == std::string::npos);
}
