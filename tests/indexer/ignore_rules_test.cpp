#include "dossier/indexer/ignore_rules.h"

#include <catch2/catch.hpp>

using dossier::indexer::EntryType;
using dossier::indexer::IgnoreRules;

namespace {
IgnoreRules rules(std::string_view lines) {
  IgnoreRules result;
  result.add_lines(lines, "/root");
  return result;
}
}  // namespace

TEST_CASE("a name pattern matches at any depth", "[ignore]") {
  const IgnoreRules r = rules("README.md\n*.log\n");
  CHECK(r.ignores("/root/README.md", EntryType::File));
  CHECK(r.ignores("/root/a/b/README.md", EntryType::File));
  CHECK(r.ignores("/root/x/debug.log", EntryType::File));
  CHECK_FALSE(r.ignores("/root/report.md", EntryType::File));
  CHECK_FALSE(r.ignores("/elsewhere/README.md", EntryType::File));
}

TEST_CASE("a pattern with a slash is anchored to its folder", "[ignore]") {
  const IgnoreRules r = rules("/drafts\nold/tmp\n");
  CHECK(r.ignores("/root/drafts", EntryType::Folder));
  CHECK_FALSE(r.ignores("/root/a/drafts", EntryType::Folder));
  CHECK(r.ignores("/root/old/tmp", EntryType::Folder));
  CHECK_FALSE(r.ignores("/root/x/old/tmp", EntryType::Folder));
}

TEST_CASE("a trailing slash matches folders only", "[ignore]") {
  const IgnoreRules r = rules("build/\n");
  CHECK(r.ignores("/root/build", EntryType::Folder));
  CHECK_FALSE(r.ignores("/root/build", EntryType::File));
}

TEST_CASE("double stars span folders", "[ignore]") {
  const IgnoreRules r = rules("archive/**/draft-*.txt\n**/cache\n");
  CHECK(r.ignores("/root/archive/draft-1.txt", EntryType::File));
  CHECK(r.ignores("/root/archive/2023/q1/draft-2.txt", EntryType::File));
  CHECK_FALSE(r.ignores("/root/archive/final.txt", EntryType::File));
  CHECK(r.ignores("/root/a/cache", EntryType::Folder));
}

TEST_CASE("the last matching pattern decides and ! includes again", "[ignore]") {
  const IgnoreRules r = rules("*.txt\n!keep.txt\n");
  CHECK(r.ignores("/root/a.txt", EntryType::File));
  CHECK_FALSE(r.ignores("/root/keep.txt", EntryType::File));
  CHECK_FALSE(r.verdict("/root/a.md", EntryType::File).has_value());
  CHECK(r.verdict("/root/keep.txt", EntryType::File) == false);
}

TEST_CASE("comments, blanks and escapes follow gitignore", "[ignore]") {
  const IgnoreRules r = rules("# comment\n\n\\#hash.txt\nspaced.txt   \n");
  CHECK(r.ignores("/root/#hash.txt", EntryType::File));
  CHECK(r.ignores("/root/spaced.txt", EntryType::File));
  CHECK_FALSE(r.ignores("/root/comment", EntryType::File));
}

TEST_CASE("a pattern made of many double stars stays fast", "[ignore]") {
  std::string hostile;
  for (int i = 0; i < 200; ++i)
    hostile += "**/";
  hostile += "x";
  const IgnoreRules r = rules(hostile);
  std::string path = "/root";
  for (int i = 0; i < 100; ++i)
    path += "/d";
  CHECK_FALSE(r.ignores(path + "/y", EntryType::File));
  CHECK(r.ignores(path + "/x", EntryType::File));
}
