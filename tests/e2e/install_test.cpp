// Installing Dossier like any other tool: `cmake --install` into a temporary prefix gives a
// program that works from there (its PDF and server modules found under the prefix, from the
// program's own folder, not in the build tree), and schedules, manual and completions that name
// the installed program; `cpack -G DEB` builds a package with the same files and dependencies found by
// dpkg-shlibdeps.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dossier_runner.h"
#include "temp_dir.h"
#include "test_pdf.h"

namespace fs = std::filesystem;
using dossier::testing::ProcessResult;
using dossier::testing::ProcessSpec;
using dossier::testing::run_process;
using dossier::testing::TempDir;

namespace {

const std::string kCmake = DOSSIER_CMAKE_COMMAND;
const std::string kCpack = DOSSIER_CPACK_COMMAND;
const std::string kBuildDir = DOSSIER_BUILD_DIR;
const std::string kDpkgDeb = "/usr/bin/dpkg-deb";

ProcessResult run(std::vector<std::string> argv) {
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.timeout = std::chrono::seconds(300);
  // The installed program must not find anything through the build's environment.
  spec.env["LD_LIBRARY_PATH"] = std::nullopt;
  spec.env["DOSSIER_DB"] = std::nullopt;
  return run_process(spec);
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The one installed file below `root` whose path ends with `tail` (the library folder may be lib/
// or lib/<triplet>/).
fs::path find_installed(const fs::path& root, const std::string& tail) {
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string path = entry.path().string();
    if (path.size() >= tail.size() && path.compare(path.size() - tail.size(), tail.size(), tail) == 0)
      return entry.path();
  }
  FAIL("nothing installed ends with " << tail);
  return {};
}

}  // namespace

TEST_CASE("cmake --install puts a dossier under the prefix that reads PDFs and serves with its own modules",
          "[e2e][install]") {
  const TempDir root;
  const fs::path prefix = root.path() / "usr" / "local";
  const ProcessResult install = run({kCmake, "--install", kBuildDir, "--prefix", prefix.string()});
  INFO(install.out << install.err);
  REQUIRE(install.exit_code == 0);

  const fs::path binary = prefix / "bin" / "dossier";
  REQUIRE(fs::exists(binary));
  CHECK(find_installed(prefix, "/dossier/libdossier-pdf.so").string().starts_with(prefix.string() + "/lib"));
  CHECK(
      find_installed(prefix, "/dossier/libdossier-serve.so").string().starts_with(prefix.string() + "/lib"));
  CHECK(fs::exists(prefix / "share" / "man" / "man1" / "dossier.1.gz"));
  CHECK(fs::exists(prefix / "share" / "bash-completion" / "completions" / "dossier"));
  CHECK(fs::exists(prefix / "share" / "zsh" / "site-functions" / "_dossier"));

  // The schedules run the installed program; the cron job is installed disabled.
  const std::string cron = read(prefix / "etc" / "cron.d" / "dossier-index");
  CHECK_THAT(cron, Catch::Contains("#*/15  *  *   *   *   dossier " + binary.string() + " index "));
  const std::string service = read(prefix / "lib" / "systemd" / "system" / "dossier-index.service");
  CHECK_THAT(service, Catch::Contains("ExecStart=" + binary.string() + " index "));
  CHECK(fs::exists(prefix / "lib" / "systemd" / "system" / "dossier-index.timer"));
  CHECK_THAT(read(prefix / "lib" / "systemd" / "system" / "dossier-serve.service"),
             Catch::Contains("ExecStart=" + binary.string() + " serve "));

  // The installed program, copied nowhere, reads a PDF: the module comes from under the prefix.
  const TempDir reports;
  dossier::testing::TestPdf pdf;
  pdf.pages = {{"Volt Typhoon in the water utilities"}};
  reports.write("brief.pdf", dossier::testing::build_pdf(pdf));
  const std::string db = (root.path() / "db").string();
  const ProcessResult indexed = run({binary.string(), "index", reports.path().string(), "--db", db});
  INFO(indexed.err);
  CHECK(indexed.exit_code == 0);
  const ProcessResult found = run({binary.string(), "search", "utilities", "--db", db, "--format", "paths"});
  CHECK(found.out == (reports.path() / "brief.pdf").string() + "\n");

  // Its server module too: the server itself refuses to listen on all interfaces without a token.
  const ProcessResult served = run({binary.string(), "serve", "--db", db, "--host", "0.0.0.0", "--no-token"});
  CHECK(served.exit_code == 2);
  CHECK_THAT(served.err, Catch::Contains("without an access token"));
}

TEST_CASE("cpack -G DEB builds a package of the program, modules, manual, completions and schedules",
          "[e2e][install]") {
  const TempDir out;
  const ProcessResult packed =
      run({kCpack, "-G", "DEB", "--config", kBuildDir + "/CPackConfig.cmake", "-B", out.path().string()});
  INFO(packed.out << packed.err);
  REQUIRE(packed.exit_code == 0);
  fs::path deb;
  for (const auto& entry : fs::directory_iterator(out.path())) {
    if (entry.path().extension() == ".deb") deb = entry.path();
  }
  REQUIRE(!deb.empty());

  const std::string contents = run({kDpkgDeb, "-c", deb.string()}).out;
  for (const char* file :
       {"./usr/bin/dossier", "/dossier/libdossier-pdf.so", "/dossier/libdossier-serve.so",
        "./usr/share/man/man1/dossier.1.gz", "./usr/share/bash-completion/completions/dossier",
        "./usr/share/zsh/vendor-completions/_dossier", "./etc/cron.d/dossier-index",
        "./usr/lib/systemd/system/dossier-index.service", "./usr/lib/systemd/system/dossier-index.timer",
        "./usr/lib/systemd/system/dossier-serve.service"}) {
    CHECK_THAT(contents, Catch::Contains(file));
  }
  const std::string depends = run({kDpkgDeb, "-f", deb.string(), "Depends"}).out;
  CHECK_THAT(depends, Catch::Contains("libxapian30"));
  CHECK_THAT(depends, Catch::Contains("libpoppler-cpp"));
  CHECK_THAT(depends, Catch::Contains("libcpp-httplib"));
  CHECK_THAT(run({kDpkgDeb, "-I", deb.string(), "conffiles"}).out,
             Catch::Contains("/etc/cron.d/dossier-index"));

  const TempDir unpacked;
  REQUIRE(run({kDpkgDeb, "-x", deb.string(), unpacked.path().string()}).exit_code == 0);
  CHECK_THAT(read(unpacked.path() / "etc" / "cron.d" / "dossier-index"),
             Catch::Contains("dossier /usr/bin/dossier index "));
  CHECK_THAT(read(unpacked.path() / "usr" / "lib" / "systemd" / "system" / "dossier-index.service"),
             Catch::Contains("ExecStart=/usr/bin/dossier index "));
}
