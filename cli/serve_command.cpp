// `dossier serve [--db DIR]... [--host H] [--port N] [--no-token] [--allow-host NAME]... [--jobs N]
//  [--queue N] [--timeout SECONDS] [--cache MB]`
#include <pthread.h>
#include <signal.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "command.h"
#include "dossier/analysis/printable.h"
#include "dossier/analysis/program_module.h"
#include "dossier/server/server_module.h"
#include "environment.h"
#include "exit_codes.h"
#include "seconds.h"

namespace dossier::cli {
namespace {

struct ServeFlags {
  std::vector<std::string> databases;
  std::string host = "127.0.0.1";
  int port = 8080;
  bool no_token = false;
  std::vector<std::string> host_names;
  std::size_t jobs = 0;
  std::size_t queue = 64;
  double timeout_seconds = 10;
  std::size_t cache_megabytes = 64;
};

// The signals that stop the server. They are blocked in every thread (the mask is inherited, so it
// is set before any thread starts) and taken by one thread with sigwait, which may then call into
// the server; a signal handler could not.
sigset_t stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  return signals;
}

void log_request(const server::RequestLog& line) {
  // One write per line: lines from concurrent requests never mix.
  std::fprintf(stderr, "%s %s %d %.1f ms\n", analysis::printable(line.method).c_str(),
               analysis::printable(line.target).c_str(), line.status, line.milliseconds);
}

// Where an installation puts the modules, relative to the program's folder ("../lib/dossier"; set
// by cmake/DossierInstall.cmake from the install layout). The build puts them beside the program.
#ifndef DOSSIER_INSTALLED_MODULE_DIR
#define DOSSIER_INSTALLED_MODULE_DIR "../lib/dossier"
#endif

server::ServeSettings settings_of(const ServeFlags& flags) {
  server::ServeSettings settings;
  settings.databases = resolve_databases(flags.databases, read_database_environment());
  settings.host = flags.host;
  settings.port = flags.port;
  settings.token = flags.no_token ? server::TokenPolicy::None : server::TokenPolicy::Random;
  settings.host_names = flags.host_names;
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  settings.search_threads = flags.jobs > 0 ? flags.jobs : cores;
  settings.queue = flags.queue;
  settings.time_limit = milliseconds_of(flags.timeout_seconds);
  settings.cache_bytes = flags.cache_megabytes * 1024 * 1024;
  return settings;
}

// The server, from the module that holds it (see dossier/server/server_module.h).
std::unique_ptr<server::BoundServer> start_server(const server::ServeSettings& settings) {
  analysis::ProgramModule module(server::kServerModuleFile, DOSSIER_INSTALLED_MODULE_DIR, "the web server");
  const auto start =
      reinterpret_cast<server::StartServerFunction>(module.entry_point(server::kStartServerSymbol));
  if (!start) throw std::runtime_error("serve: " + module.problem());
  server::ServerStart started;
  start(settings, log_request, started);
  if (!started.server) throw std::runtime_error(started.error);
  return std::move(started.server);
}

int run_serve_command(const ServeFlags& flags) {
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A client that goes away mid-answer must not kill the server: writes then fail with EPIPE.
  std::signal(SIGPIPE, SIG_IGN);

  const std::unique_ptr<server::BoundServer> http = start_server(settings_of(flags));
  std::printf("%s\n", http->page_url().c_str());
  std::fflush(stdout);
  std::thread waiter([&http, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    http->stop();
  });
  struct Join {
    std::thread& thread;
    ~Join() {
      // Wakes the waiter when serving ended for another reason than a signal.
      pthread_kill(thread.native_handle(), SIGTERM);
      thread.join();
    }
  } join{waiter};
  const std::string failure = http->serve();
  if (!failure.empty()) throw std::runtime_error(failure);
  return kExitOk;
}

}  // namespace

void add_serve_command(CLI::App& app, CommandRunner& runner) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* command = app.add_subcommand("serve", "Serve the search page and the HTTP API over the index");
  command
      ->add_option("--db", flags->databases,
                   "Index folder (default as for search); repeat to serve several shards as one")
      ->type_name("DIR");
  command->add_option("--host", flags->host, "Address to listen on (default 127.0.0.1)")
      ->type_name("ADDRESS");
  command->add_option("--port", flags->port, "Port to listen on (default 8080; 0 picks a free one)")
      ->type_name("N")
      ->check(CLI::Range(0, 65535));
  command->add_flag("--no-token", flags->no_token,
                    "Serve the API without an access token (refused unless --host is a loopback address)");
  command
      ->add_option("--allow-host", flags->host_names,
                   "Another name the Host header may give (a DNS name of this machine); repeatable")
      ->type_name("NAME");
  command->add_option("--jobs", flags->jobs, "Searches run at once (default: one per core)")
      ->type_name("N")
      ->check(CLI::Range(1, 256));
  command->add_option("--queue", flags->queue, "Requests that may wait for a search thread (default 64)")
      ->type_name("N");
  command
      ->add_option("--timeout", flags->timeout_seconds,
                   "Give up a search after SECONDS of matching, answering 503 (default 10)")
      ->type_name("SECONDS")
      ->check(CLI::Range(0.001, 86400.0));
  command
      ->add_option("--cache", flags->cache_megabytes,
                   "Megabytes of answers kept for the index revision they were computed on (default 64; "
                   "0: none)")
      ->type_name("MB");
  command->footer(
      "Prints the address to open on the first line of stdout, http://127.0.0.1:PORT/#token=TOKEN\n"
      "(the token is random per start, kept in the fragment so it never reaches a log, and sent\n"
      "by the page as 'Authorization: Bearer'), then one line per request on stderr: method,\n"
      "path, status, milliseconds. SIGTERM or SIGINT finishes the requests in flight and exits 0.\n"
      "API (JSON, \"version\": 1): /api/search, /api/documents/ID, /api/similar/ID, /api/stats,\n"
      "/api/entities, /api/export.csv, /api/export.jsonl, /api/watches (each watch with its count of\n"
      "matches new since its last run), /api/watches/NAME (those matches as search hits), /api/health;\n"
      "see DESIGN.md. The server only reads: it never records a watch's run.\n"
      "Only GET and HEAD; the Host header must name this server; 503 with Retry-After when every\n"
      "search thread is busy and --queue requests wait.\n"
      "Exit codes: 0 stopped by a signal, 2 error (no index, address in use, non-loopback --host\n"
      "with --no-token).");
  command->callback([flags, &runner] { runner = [flags] { return run_serve_command(*flags); }; });
}

}  // namespace dossier::cli
