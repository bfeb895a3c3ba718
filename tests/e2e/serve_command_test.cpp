// The real binary: `dossier serve` through a socket, stopped with a signal, searched while
// `dossier index` commits.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "background_process.h"
#include "dossier_runner.h"

using dossier::testing::BackgroundProcess;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;
using Json = nlohmann::json;

namespace {

constexpr auto kStartTimeout = std::chrono::seconds(60);
constexpr auto kStopTimeout = std::chrono::seconds(60);

// `dossier serve --port 0 ARGS...`, with the address it printed.
class Served {
 public:
  explicit Served(std::vector<std::string> args) : process_(command(std::move(args))) {
    const std::optional<std::string> line = process_.read_line(kStartTimeout);
    INFO(process_.err());
    REQUIRE(line);
    url_ = *line;
    std::smatch parts;
    REQUIRE(
        std::regex_match(url_, parts, std::regex(R"(http://127\.0\.0\.1:(\d+)/(#token=([0-9a-f]{32}))?)")));
    port_ = std::stoi(parts[1]);
    token_ = parts[3];
  }

  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(120, 0);
    if (!token_.empty()) client.set_default_headers({{"Authorization", "Bearer " + token_}});
    return client;
  }

  // Stops the server with `signal` and returns its exit code.
  int stop(int signal = SIGTERM) {
    process_.send(signal);
    const std::optional<int> code = process_.wait(kStopTimeout);
    REQUIRE(code);
    return *code;
  }

  const std::string& url() const { return url_; }
  const std::string& token() const { return token_; }
  int port() const { return port_; }
  std::string err() const { return process_.err(); }

 private:
  static std::vector<std::string> command(std::vector<std::string> args) {
    std::vector<std::string> argv{dossier::testing::kDossierBinary, "serve", "--port", "0"};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  }

  BackgroundProcess process_;
  std::string url_;
  std::string token_;
  int port_ = 0;
};

std::string indexed_corpus(const TempDir& index) {
  return dossier::testing::index_into(dossier::testing::kCorpusDir, index);
}

}  // namespace

TEST_CASE("serve prints the page's address with a fresh token first and answers the API with it",
          "[e2e][serve]") {
  const TempDir index;
  const std::string db = indexed_corpus(index);
  Served first({"--db", db});
  Served second({"--db", db});
  CHECK(first.token() != second.token());
  auto client = first.client();
  const auto search = client.Get("/api/search?q=espionage");
  REQUIRE(search);
  CHECK(search->status == 200);
  const Json json = Json::parse(search->body);
  CHECK(json["version"] == 1);
  CHECK(json["total"].get<int>() > 0);
  // The same search as the CLI's, in the same shape.
  const auto cli = run_dossier({"search", "espionage", "--db", db, "--json", "-n", "10"});
  const Json expected = Json::parse(cli.out);
  CHECK(json["total"] == expected["total"]);
  CHECK(json["hits"][0]["path"] == expected["hits"][0]["path"]);
  for (const auto& [field, value] : expected.items())
    CHECK(json.contains(field));
  httplib::Client anonymous("127.0.0.1", first.port());
  CHECK(anonymous.Get("/api/search?q=espionage")->status == 401);
  CHECK(anonymous.Get("/")->status == 200);
  CHECK(first.stop() == 0);
  CHECK(second.stop() == 0);
}

TEST_CASE("serve logs one line per request without the token and exits 0 on SIGTERM or SIGINT",
          "[e2e][serve]") {
  const TempDir index;
  const std::string db = indexed_corpus(index);
  Served server({"--db", db});
  auto client = server.client();
  REQUIRE(client.Get("/api/search?q=botnet")->status == 200);
  REQUIRE(client.Get("/api/nothing")->status == 404);
  CHECK(server.stop(SIGTERM) == 0);
  const std::string log = server.err();
  CHECK(std::regex_search(log, std::regex(R"(GET /api/search\?q=botnet 200 \d+\.\d ms\n)")));
  CHECK(std::regex_search(log, std::regex(R"(GET /api/nothing 404 \d+\.\d ms\n)")));
  CHECK(log.find(server.token()) == std::string::npos);
  Served interrupted({"--db", db, "--no-token"});
  CHECK(interrupted.token().empty());
  CHECK(interrupted.client().Get("/api/stats")->status == 200);
  CHECK(interrupted.stop(SIGINT) == 0);
}

TEST_CASE("serve refuses a non-loopback address without a token, a missing index and a port in use",
          "[e2e][serve]") {
  const TempDir index;
  const std::string db = indexed_corpus(index);
  const auto open = run_dossier({"serve", "--db", db, "--host", "0.0.0.0", "--no-token", "--port", "0"});
  CHECK(open.exit_code == 2);
  CHECK(open.err.find("without an access token") != std::string::npos);
  CHECK(open.out.empty());
  const auto missing = run_dossier({"serve", "--db", (index.path() / "nothing").string(), "--port", "0"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no index at") != std::string::npos);
  Served running({"--db", db});
  const auto taken = run_dossier({"serve", "--db", db, "--port", std::to_string(running.port())});
  CHECK(taken.exit_code == 2);
  CHECK(taken.err.find("cannot listen on 127.0.0.1:" + std::to_string(running.port())) != std::string::npos);
  CHECK(running.stop() == 0);
}

TEST_CASE("serve shows each watch's news as watch run would, and never records a run",
          "[e2e][serve][watch]") {
  TempDir reports;
  const TempDir index;
  reports.write("a.txt", "First\nA zeppelin over the harbour.");
  const std::string db = dossier::testing::index_into(reports.path(), index);
  REQUIRE(run_dossier({"watch", "add", "zeppelins", "zeppelin", "--db", db}).exit_code == 0);
  Served server({"--db", db});
  auto client = server.client();
  const auto news = [&client] { return Json::parse(client.Get("/api/watches")->body)["watches"][0]["new"]; };
  CHECK(news() == 1);
  CHECK(news() == 1);  // asking records nothing: watch run still has the news
  const auto run = run_dossier({"watch", "run", "--db", db, "--json"});
  CHECK(run.exit_code == 0);
  CHECK(Json::parse(run.out)["watches"][0]["new"] == 1);
  CHECK(news() == 0);  // recorded by the run
  reports.write("b.txt", "Second\nAnother zeppelin.");
  REQUIRE(run_dossier({"index", reports.path().string(), "--db", db}).exit_code == 0);
  CHECK(news() == 1);
  const Json matches = Json::parse(client.Get("/api/watches/zeppelins")->body);
  REQUIRE(matches["hits"].size() == 1);
  CHECK(std::filesystem::path(matches["hits"][0]["path"].get<std::string>()).filename() == "b.txt");
  CHECK(client.Get("/api/watches/airships")->status == 404);
  CHECK(server.stop() == 0);
}

TEST_CASE("serve sees what a later index run commits without a restart", "[e2e][serve]") {
  TempDir reports;
  const TempDir index;
  reports.write("a.txt", "First\nA report about espionage.");
  const std::string db = dossier::testing::index_into(reports.path(), index);
  Served server({"--db", db});
  auto client = server.client();
  CHECK(Json::parse(client.Get("/api/search?q=zeppelin")->body)["total"] == 0);
  reports.write("b.txt", "Second\nA report about a zeppelin.");
  REQUIRE(run_dossier({"index", reports.path().string(), "--db", db}).exit_code == 0);
  CHECK(Json::parse(client.Get("/api/search?q=zeppelin")->body)["total"] == 1);
  CHECK(Json::parse(client.Get("/api/stats")->body)["documents"] == 2);
  CHECK(server.stop() == 0);
}

TEST_CASE("8 clients x 50 searches while dossier index commits all succeed", "[e2e][serve]") {
  // The index runs go on while the clients search; the clients go on until two runs finished.
  TempDir reports;
  const TempDir index;
  for (int i = 0; i < 400; ++i) {
    reports.write(
        "r" + std::to_string(i % 8) + "/report" + std::to_string(i) + ".txt",
        "Report " + std::to_string(i) + "\nVolt Typhoon espionage against Norway, round 0 corpusmarker.");
  }
  const std::string db = dossier::testing::index_into(reports.path(), index);
  Served server({"--db", db});
  std::atomic<bool> searching{true};
  std::atomic<int> runs{0};
  std::atomic<int> failed_runs{0};
  // Each run rewrites 40 reports and commits every 5 documents.
  std::thread writer([&] {
    for (int round = 1; searching; ++round) {
      for (int i = 0; i < 40; ++i) {
        const int n = (round * 40 + i) % 400;
        reports.write("r" + std::to_string(n % 8) + "/report" + std::to_string(n) + ".txt",
                      "Report " + std::to_string(n) + "\nVolt Typhoon espionage, round " +
                          std::to_string(round) + " corpusmarker.");
      }
      const auto run = run_dossier({"index", reports.path().string(), "--db", db, "--batch", "5", "--quiet"});
      if (run.exit_code != 0) ++failed_runs;
      ++runs;
    }
  });
  const std::vector<std::string> queries = {"corpusmarker", "Volt%20Typhoon", "%22Volt%20Typhoon%22",
                                            "espionage&country=NO", "round&sort=date"};
  std::atomic<int> ok{0};
  std::vector<std::string> failures;
  std::mutex failures_mutex;
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      auto client = server.client();
      // At least 50 each, and on until two index runs finished, so the searches span their commits.
      for (int i = 0; i < 50 || runs < 2; ++i) {
        const std::string path = "/api/search?n=5&q=" + queries[(c + i) % queries.size()];
        const auto answer = client.Get(path.c_str());
        if (answer && answer->status == 200 && Json::parse(answer->body)["total"].get<int>() > 0) {
          ++ok;
        } else {
          std::lock_guard lock(failures_mutex);
          failures.push_back(path + " -> " +
                             (answer ? std::to_string(answer->status) + " " + answer->body
                                     : httplib::to_string(answer.error())));
        }
      }
    });
  }
  for (std::thread& client : clients)
    client.join();
  searching = false;
  writer.join();
  INFO((failures.empty() ? std::string() : failures.front()));
  CHECK(ok >= 400);
  CHECK(failures.empty());
  CHECK(failed_runs == 0);
  CHECK(runs >= 2);
  CHECK(server.stop() == 0);
}

TEST_CASE("serve --help names the endpoints and the safety rules", "[e2e][serve]") {
  const auto help = run_dossier({"serve", "--help"});
  CHECK(help.exit_code == 0);
  for (const char* text : {"--port", "--no-token", "--host", "/api/search", "/api/export.csv", "#token=TOKEN",
                           "Retry-After", "SIGTERM"})
    CHECK(help.out.find(text) != std::string::npos);
}

TEST_CASE("the binary does not link cpp-httplib: serve loads it from the server module", "[e2e][serve]") {
  const std::string libraries = dossier::testing::linked_libraries();
  CHECK_THAT(libraries, Catch::Contains("libxapian"));
  CHECK_THAT(libraries, !Catch::Contains("httplib"));
  CHECK_THAT(libraries, !Catch::Contains("libssl"));
  // And yet it serves: the module beside it is loaded.
  const TempDir index;
  Served served({"--db", indexed_corpus(index), "--no-token"});
  CHECK(served.client().Get("/api/health")->status == 200);
  CHECK(served.stop() == 0);
}

TEST_CASE("a program without its server module refuses serve in one line and still searches",
          "[e2e][serve]") {
  // A copy of the binary in a folder of its own has no libdossier-serve.so beside it.
  const TempDir index, bin;
  const std::string db = indexed_corpus(index);
  const std::filesystem::path lonely = bin.path() / "dossier";
  std::filesystem::copy_file(dossier::testing::kDossierBinary, lonely);
  dossier::testing::ProcessSpec spec;
  spec.argv = {lonely.string(), "serve", "--db", db, "--port", "0"};
  spec.env["LD_LIBRARY_PATH"] = std::nullopt;
  const auto refused = dossier::testing::run_process(spec);
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.empty());
  CHECK_THAT(
      refused.err,
      Catch::StartsWith("error: serve: the web server is not installed (libdossier-serve.so not found"));
  CHECK(std::count(refused.err.begin(), refused.err.end(), '\n') == 1);
  spec.argv = {lonely.string(), "search", "espionage", "--db", db, "--count"};
  const auto searched = dossier::testing::run_process(spec);
  CHECK(searched.exit_code == 0);
}
