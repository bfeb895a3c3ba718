// The real binary's argument rules: a flag takes one value wherever it stands, `-word` in a query
// is a word to exclude, numbers are checked before they can wrap, and every mistake is one line
// `error: ...` with exit 2.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::json_of;
using dossier::testing::ProcessResult;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// Three reports: Norway and US espionage, one about malware.
class Reports {
 public:
  Reports() {
    reports_.write("norway.txt", "Algebraic espionage against Norway by Chinese actors.");
    reports_.write("us.txt", "Espionage against the United States, with malware.");
    reports_.write("plain.txt", "Espionage in general, nothing else.");
    REQUIRE(run_dossier({"index", reports_.path().string(), "--db", db()}).exit_code == 0);
  }
  std::string db() const { return (index_.path() / "db").string(); }
  std::string path(const char* name) const { return (reports_.path() / name).string(); }

  // `dossier search ARGS...` (no --db added: the test places it).
  static ProcessResult search(std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    return run_dossier(args);
  }

 private:
  TempDir reports_;
  TempDir index_;
};

// Fails unless `result` is a usage error: exit 2, nothing on stdout, exactly one line on stderr.
void check_one_line_error(const ProcessResult& result, const std::string& expected) {
  INFO("stderr: " << result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "error: " + expected + "\n");
}

}  // namespace

TEST_CASE("a repeatable flag takes one value and leaves the query words alone", "[e2e][arguments]") {
  const Reports reports;
  const ProcessResult db_first = Reports::search({"--db", reports.db(), "algebraic", "--format", "paths"});
  CHECK(db_first.exit_code == 0);
  CHECK(db_first.out == reports.path("norway.txt") + "\n");
  const ProcessResult country_first =
      Reports::search({"--country", "US", "espionage", "--db", reports.db(), "--count"});
  CHECK(country_first.exit_code == 0);
  CHECK(country_first.out == "1\n");
  const ProcessResult between =
      Reports::search({"--db", reports.db(), "--country", "NO", "algebraic", "espionage", "--count"});
  CHECK(between.out == "1\n");
  const ProcessResult two =
      Reports::search({"--country", "NO", "--country", "CN", "espionage", "--db", reports.db(), "--count"});
  CHECK(two.out == "1\n");
}

TEST_CASE("index takes --exclude once per value and then its paths", "[e2e][arguments]") {
  const TempDir reports, index;
  reports.write("keep/a.txt", "Volt Typhoon");
  reports.write("drop/b.txt", "Salt Typhoon");
  const std::string db = (index.path() / "db").string();
  const ProcessResult result =
      run_dossier({"index", "--exclude", "drop/", "--db", db, reports.path().string(), "--json"});
  REQUIRE(result.exit_code == 0);
  CHECK(json_of(result)["added"] == 1);
}

TEST_CASE("a word starting with a dash after the first word excludes it", "[e2e][arguments]") {
  const Reports reports;
  const ProcessResult excluded =
      Reports::search({"espionage", "-norway", "-malware", "--db", reports.db(), "--format", "paths"});
  CHECK(excluded.exit_code == 0);
  CHECK(excluded.out == reports.path("plain.txt") + "\n");
  // The README's example: -n after the excluded word is still the limit.
  const ProcessResult paged =
      Reports::search({"espionage", "-norway", "-n", "1", "--offset", "1", "--db", reports.db(), "--json"});
  REQUIRE(paged.exit_code == 0);
  CHECK(json_of(paged)["total"] == 2);
  CHECK(json_of(paged)["hits"].size() == 1);
  CHECK(json_of(paged)["hits"][0]["rank"] == 2);
  // -n with an attached number is the limit; --limit=N too.
  CHECK(json_of(Reports::search({"espionage", "-n1", "--db", reports.db(), "--json"}))["hits"].size() == 1);
  CHECK(json_of(Reports::search({"espionage", "--limit=2", "--db", reports.db(), "--json"}))["hits"].size() ==
        2);
  // After --, words that look like flags are words.
  CHECK(Reports::search({"--db", reports.db(), "--count", "--", "espionage", "-norway"}).out == "2\n");
}

TEST_CASE("a first word starting with a dash excludes it too, unless it spells a flag", "[e2e][arguments]") {
  const Reports reports;
  CHECK(Reports::search({"-malware", "espionage", "--db", reports.db(), "--count"}).out == "2\n");
  check_one_line_error(Reports::search({"-json", "espionage", "--db", reports.db()}),
                       "-json: unknown flag (did you mean --json?)");
  // After a word, the same spelling is a word to exclude: -any is NOT any.
  CHECK(Reports::search({"espionage", "-any", "--db", reports.db(), "--count"}).out == "3\n");
}

TEST_CASE("negative and non-numeric counts are usage errors, never wrapped", "[e2e][arguments]") {
  const Reports reports;
  const std::string db = reports.db();
  check_one_line_error(Reports::search({"espionage", "-n", "-1", "--db", db}),
                       "--limit: must be at least 0 (got -1)");
  check_one_line_error(Reports::search({"espionage", "--offset", "-1", "--db", db}),
                       "--offset: must be at least 0 (got -1)");
  check_one_line_error(Reports::search({"espionage", "--facet-limit", "-1", "--db", db}),
                       "--facet-limit: must be at least 0 (got -1)");
  check_one_line_error(Reports::search({"espionage", "-n", "ten", "--db", db}),
                       "--limit: 'ten' is not a whole number");
  check_one_line_error(Reports::search({"espionage", "-n", "99999999999999999999999", "--db", db}),
                       "--limit: '99999999999999999999999' is too large");
  check_one_line_error(run_dossier({"stats", "--top", "-1", "--db", db}),
                       "--top: must be at least 0 (got -1)");
  check_one_line_error(run_dossier({"index", "/tmp", "--max-size", "-5", "--db", db}),
                       "--max-size: must be at least 1 (got -5)");
  check_one_line_error(run_dossier({"index", "/tmp", "--jobs", "0", "--db", db}),
                       "--jobs: must be at least 1 (got 0)");
  check_one_line_error(run_dossier({"index", "/tmp", "--jobs", "18446744073709551615", "--db", db}),
                       "--jobs: must be at most 1024 (got 18446744073709551615)");
  check_one_line_error(run_dossier({"index", "/tmp", "--batch", "0", "--db", db}),
                       "--batch: must be at least 1 (got 0)");
  check_one_line_error(run_dossier({"index", "/tmp", "--wait", "-1", "--db", db}),
                       "--wait: must be at least 0 seconds (got -1)");
  check_one_line_error(Reports::search({"espionage", "--timeout", "0", "--db", db}),
                       "--timeout: must be at least 0.001 seconds (got 0)");
}

TEST_CASE("every command-line mistake is one line naming the flag or the command", "[e2e][arguments]") {
  const Reports reports;
  const std::string db = reports.db();
  // The lists name every command --help shows (the exact list is left to the completion tests).
  const ProcessResult unknown = run_dossier({"serch", "x"});
  CHECK(unknown.exit_code == 2);
  CHECK(
      unknown.err.starts_with("error: unknown command 'serch' (did you mean 'search'?); commands: index, "));
  CHECK(unknown.err.find('\n') == unknown.err.size() - 1);
  const ProcessResult none = run_dossier({});
  CHECK(none.exit_code == 2);
  CHECK(none.err.starts_with("error: no command given; commands: index, "));
  CHECK(none.err.ends_with(" (see 'dossier --help')\n"));
  check_one_line_error(Reports::search({"x", "--lmit", "4", "--db", db}),
                       "--lmit: unknown flag (did you mean --limit?)");
  check_one_line_error(Reports::search({"espionage", "--norway", "--db", db}),
                       "--norway: unknown flag (to exclude a word from the search, write it with one dash: "
                       "-norway)");
  check_one_line_error(run_dossier({"index", "--bogus", "/tmp"}),
                       "--bogus: unknown flag (see 'dossier index --help')");
  check_one_line_error(Reports::search({"x", "--db", db, "--country"}), "--country: needs a value");
  check_one_line_error(Reports::search({"x", "--country", "--json", "--db", db}), "--country: needs a value");
  check_one_line_error(Reports::search({"x", "--json=yes", "--db", db}), "--json: takes no value");
  check_one_line_error(Reports::search({"x", "-n", "3", "--limit", "4", "--db", db}),
                       "--limit: given more than once");
  check_one_line_error(Reports::search({"x", "--format", "xml", "--db", db}),
                       "--format: 'xml' is not one of text, json, jsonl, paths, csv");
  check_one_line_error(Reports::search({"x", "--sort", "newest", "--db", db}),
                       "--sort: 'newest' is not one of relevance, date");
  check_one_line_error(run_dossier({"show", "a", "b", "--db", db}),
                       "show: unexpected argument 'b' (see 'dossier show --help')");
  check_one_line_error(run_dossier({"index"}), "index: PATH is required");
  check_one_line_error(run_dossier({"index", "-x", "/tmp"}), "-x: unknown flag (see 'dossier index --help')");
  check_one_line_error(run_dossier({"index", "/tmp", "-qv", "--db", db}),
                       "--quiet and --verbose: choose one");
  // A switch given twice counts once.
  CHECK(Reports::search({"espionage", "--json", "--json", "--db", db}).exit_code == 0);
}

TEST_CASE("an empty path and an index location that is a file get one clear line in every command",
          "[e2e][arguments]") {
  const Reports reports;
  for (const char* command : {"show", "similar", "index"}) {
    INFO(command);
    check_one_line_error(run_dossier({command, "", "--db", reports.db()}), "PATH: the path is empty");
  }
  check_one_line_error(Reports::search({"x", "--db", ""}), "--db: the path is empty");
  const std::string file = reports.path("plain.txt");
  const std::string message = "--db " + file + ": not a folder; an index is a folder";
  check_one_line_error(Reports::search({"espionage", "--db", file}), message);
  check_one_line_error(run_dossier({"index", reports.path("us.txt"), "--db", file}), message);
  check_one_line_error(run_dossier({"stats", "--db", file}), message);
  check_one_line_error(run_dossier({"show", file, "--db", file}), message);
  dossier::testing::ProcessSpec env;
  env.env["DOSSIER_DB"] = file;
  const ProcessResult from_env = run_dossier({"search", "espionage"}, env);
  CHECK(from_env.exit_code == 2);
  CHECK(from_env.err == "error: $DOSSIER_DB " + file + ": not a folder; an index is a folder\n");
}

TEST_CASE("output flags that contradict each other are refused, naming both", "[e2e][arguments]") {
  const Reports reports;
  const std::string db = reports.db();
  check_one_line_error(Reports::search({"espionage", "--json", "--format", "jsonl", "--db", db}),
                       "--json and --format jsonl: choose one (--json is --format json)");
  check_one_line_error(Reports::search({"espionage", "--count", "--json", "--db", db}),
                       "--count and --json: choose one (--count prints only the number of matches; JSON has "
                       "it as \"total\")");
  check_one_line_error(
      Reports::search({"espionage", "--count", "--facets", "--db", db}),
      "--count and --facets: choose one (--count prints only the number of matches; JSON has "
      "it as \"total\")");
  check_one_line_error(Reports::search({"espionage", "--facets", "--format", "paths", "--db", db}),
                       "--facets and --format paths: choose one (facets are shown in text and are always in "
                       "--json)");
  check_one_line_error(
      Reports::search({"espionage", "--explain", "--format", "paths", "--db", db}),
      "--explain and --format paths: choose one (paths have no room for it; use jsonl or json)");
  check_one_line_error(Reports::search({"espionage", "-0", "--db", db}),
                       "--null: only with --format paths (it ends each path with a NUL byte)");
  // Documented combinations still work: --json with --format json, --facets with --json.
  CHECK(Reports::search({"espionage", "--json", "--format", "json", "--facets", "--db", db}).exit_code == 0);
}

TEST_CASE("help and version print on stdout and exit 0, and help states the argument rules",
          "[e2e][arguments]") {
  const ProcessResult version = run_dossier({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.starts_with("dossier "));
  const ProcessResult help = run_dossier({"search", "espionage", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("that is no flag is a word to"));
  CHECK_THAT(run_dossier({"index", "--help"}).out, Catch::Contains(".xhtml"));
}
