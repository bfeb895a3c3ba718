#include "dossier/indexer/file_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace fs = std::filesystem;
using dossier::indexer::FoundFile;
using dossier::indexer::walk_files;
using dossier::indexer::WalkIssue;
using dossier::indexer::WalkOptions;
using dossier::testing::TempDir;

namespace {

// Relative paths of the files a walk reports, in the order reported.
std::vector<std::string> walk(const TempDir& dir, const WalkOptions& options = {}) {
  std::vector<std::string> files;
  walk_files(dir.path(), options,
             {[&](const FoundFile& file) {
                files.push_back(fs::path(file.path).lexically_relative(dir.path()).string());
              },
              [](const WalkIssue&) {},
              {},
              {}});
  return files;
}

}  // namespace

TEST_CASE("a walk reports every regular file, folders in byte order", "[walker]") {
  const TempDir dir;
  dir.write("b.txt", "b");
  dir.write("a/z.md", "z");
  dir.write("a/y/x.txt", "x");
  dir.write("c.pdf", "c");
  CHECK(walk(dir) == std::vector<std::string>{"b.txt", "c.pdf", "a/z.md", "a/y/x.txt"});
}

TEST_CASE("hidden entries, version control, links and FIFOs are not reported", "[walker]") {
  const TempDir dir;
  dir.write("keep.txt", "k");
  dir.write(".hidden.txt", "h");
  dir.write(".git/config.txt", "g");
  dir.write("CVS/entries.txt", "c");
  fs::create_symlink(dir.path() / "keep.txt", dir.path() / "link.txt");
  fs::create_directory_symlink(dir.path(), dir.path() / "loop");
  REQUIRE(::mkfifo((dir.path() / "pipe.txt").c_str(), 0600) == 0);
  CHECK(walk(dir) == std::vector<std::string>{"keep.txt"});
}

TEST_CASE("FIFOs go to on_special, never to on_file, unless an ignore rule hides them", "[walker]") {
  const TempDir dir;
  dir.write("keep.txt", "k");
  dir.write(".dossierignore", "ignored.txt\n");
  REQUIRE(::mkfifo((dir.path() / "pipe.txt").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((dir.path() / "ignored.txt").c_str(), 0600) == 0);
  std::vector<std::string> files;
  std::vector<std::string> special;
  walk_files(dir.path(), {},
             {[&](const FoundFile& f) { files.push_back(fs::path(f.path).filename().string()); },
              [](const WalkIssue&) {},
              [&](const fs::path& path) { special.push_back(path.filename().string()); },
              {}});
  CHECK(files == std::vector<std::string>{"keep.txt"});
  CHECK(special == std::vector<std::string>{"pipe.txt"});
}

TEST_CASE("stat data comes with each file", "[walker]") {
  const TempDir dir;
  dir.write("a.txt", "12345");
  std::vector<FoundFile> files;
  walk_files(dir.path(), {},
             {[&](const FoundFile& f) { files.push_back(f); }, [](const WalkIssue&) {}, {}, {}});
  REQUIRE(files.size() == 1);
  CHECK(files[0].size == 5);
  CHECK(files[0].mtime_ns > 1'600'000'000'000'000'000);
  CHECK(fs::path(files[0].path).is_absolute());
}

TEST_CASE("a root named with a trailing slash gives the same paths as without", "[walker]") {
  const TempDir dir;
  dir.write("sub/a.txt", "a");
  std::vector<std::string> files;
  walk_files(dir.path().string() + "/", {},
             {[&](const FoundFile& f) { files.push_back(f.path); }, [](const WalkIssue&) {}, {}, {}});
  CHECK(files == std::vector<std::string>{(dir.path() / "sub" / "a.txt").string()});
}

TEST_CASE("a root that is a file is reported alone", "[walker]") {
  const TempDir dir;
  const fs::path file = dir.write("only.txt", "x");
  std::vector<fs::path> files;
  walk_files(file, {},
             {[&](const FoundFile& f) { files.push_back(f.path); }, [](const WalkIssue&) {}, {}, {}});
  CHECK(files == std::vector<fs::path>{file});
}

TEST_CASE("a missing root throws", "[walker]") {
  const TempDir dir;
  CHECK_THROWS_AS(
      walk_files(dir.path() / "absent", {}, {[](const FoundFile&) {}, [](const WalkIssue&) {}, {}, {}}),
      fs::filesystem_error);
}

TEST_CASE(".dossierignore files exclude below their folder, deeper files win", "[walker]") {
  const TempDir dir;
  dir.write(".dossierignore", "README.md\ndrafts/\n");
  dir.write("README.md", "r");
  dir.write("report.md", "r");
  dir.write("drafts/d.txt", "d");
  dir.write("sub/README.md", "r");
  dir.write("sub/.dossierignore", "!README.md\n*.txt\n");
  dir.write("sub/notes.txt", "n");
  dir.write("sub/keep.md", "k");
  CHECK(walk(dir) == std::vector<std::string>{"report.md", "sub/README.md", "sub/keep.md"});
}

TEST_CASE("exclude patterns apply relative to the root and override ignore files", "[walker]") {
  const TempDir dir;
  dir.write(".dossierignore", "!*.md\n");
  dir.write("a.md", "a");
  dir.write("old/b.md", "b");
  dir.write("c.txt", "c");
  CHECK(walk(dir, WalkOptions{{"/old", "*.md"}}) == std::vector<std::string>{"c.txt"});
}

TEST_CASE("with links followed, linked files and folders are walked and each loop is reported as one",
          "[walker]") {
  const TempDir dir, outside;
  dir.write("a.txt", "a");
  outside.write("shared/b.txt", "b");
  fs::create_directory_symlink(outside.path() / "shared", dir.path() / "shared");
  fs::create_symlink(dir.path() / "a.txt", dir.path() / "alias.txt");
  fs::create_directory_symlink(dir.path(), dir.path() / "loop");
  fs::create_symlink(dir.path() / "gone.txt", dir.path() / "dangling.txt");
  fs::create_symlink(dir.path() / "self.txt", dir.path() / "self.txt");
  fs::create_directory_symlink(outside.path() / "shared", dir.path() / "twin");
  WalkOptions options;
  options.symlinks = dossier::indexer::SymlinkPolicy::Follow;
  std::vector<std::string> files;
  std::vector<std::string> issues;
  std::vector<std::string> loops;
  walk_files(
      dir.path(), options,
      {[&](const FoundFile& f) { files.push_back(fs::path(f.path).lexically_relative(dir.path()).string()); },
       [&](const WalkIssue& issue) { issues.push_back(issue.path.filename().string()); },
       {},
       [&](const WalkIssue& loop) { loops.push_back(loop.path.filename().string() + ": " + loop.reason); }});
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"a.txt", "alias.txt", "shared/b.txt"});
  CHECK(issues == std::vector<std::string>{"dangling.txt"});
  std::sort(loops.begin(), loops.end());
  CHECK(loops ==
        std::vector<std::string>{
            "loop: symbolic link loop (it leads back to " + dir.path().string() + ")",
            "self.txt: symbolic link loop (it resolves to itself)",
            "twin: symbolic link to a folder already walked as " + (dir.path() / "shared").string()});
}
