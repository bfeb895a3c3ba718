#include "dossier/indexer/file_reader.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "temp_dir.h"

using dossier::indexer::FileReadError;
using dossier::indexer::read_regular_file;
using dossier::testing::TempDir;

TEST_CASE("a regular file is read whole", "[file_reader]") {
  const TempDir dir;
  const std::string content(200'000, 'x');
  CHECK(read_regular_file(dir.write("a.txt", content), 1'000'000) == content);
}

TEST_CASE("a FIFO is refused at once instead of blocking the run", "[file_reader]") {
  const TempDir dir;
  const auto fifo = dir.path() / "pipe.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(read_regular_file(fifo, 100), "not a regular file");
}

TEST_CASE("a folder, a missing file and an oversized file fail with a reason", "[file_reader]") {
  const TempDir dir;
  CHECK_THROWS_AS(read_regular_file(dir.path(), 100), FileReadError);
  CHECK_THROWS_WITH(read_regular_file(dir.path() / "absent.txt", 100), "no such file or directory");
  CHECK_THROWS_WITH(read_regular_file(dir.write("big.txt", std::string(101, 'x')), 100),
                    "larger than 100 bytes");
}
