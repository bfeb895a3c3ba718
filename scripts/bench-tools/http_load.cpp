// http_load: latency of `dossier serve`'s search endpoint from N concurrent clients, for
// scripts/bench. Each client keeps one connection and runs every query of QUERIES --repeat times
// (client i starts at query i, so the clients do not ask the same thing at the same moment), after
// one untimed pass. Prints one JSON object: {"clients", "requests", "errors", "p50_ms", "p95_ms",
// "p99_ms", "max_ms", "statuses": {...}}. Build: g++ -O2 -std=c++20 http_load.cpp
// $(pkg-config --cflags --libs cpp-httplib) -pthread
// Usage: http_load --port N [--host H] [--token T] [--clients N] [--repeat N] [--params "&n=10"] QUERIES
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;
  std::string token;
  int clients = 1;
  int repeat = 5;
  std::string params = "&n=10";
  std::string queries_file;
};

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    queries.push_back(line.substr(first, line.find_last_not_of(" \t\r") - first + 1));
  }
  return queries;
}

std::string encoded(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = q * static_cast<double>(values.size() - 1);
  const auto low = static_cast<std::size_t>(rank);
  const std::size_t high = std::min(low + 1, values.size() - 1);
  return values[low] + (values[high] - values[low]) * (rank - static_cast<double>(low));
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "error: %s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--host")
      options.host = value();
    else if (arg == "--port")
      options.port = std::stoi(value());
    else if (arg == "--token")
      options.token = value();
    else if (arg == "--clients")
      options.clients = std::stoi(value());
    else if (arg == "--repeat")
      options.repeat = std::stoi(value());
    else if (arg == "--params")
      options.params = value();
    else
      options.queries_file = arg;
  }
  if (options.port <= 0 || options.queries_file.empty()) {
    std::fprintf(stderr, "usage: http_load --port N [--token T] [--clients N] [--repeat N] QUERIES\n");
    std::exit(2);
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  const std::vector<std::string> queries = read_queries(options.queries_file);
  std::mutex mutex;
  std::vector<double> latencies;
  std::map<int, int> statuses;
  int errors = 0;
  std::vector<std::thread> clients;
  for (int c = 0; c < options.clients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client(options.host, options.port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60, 0);
      httplib::Headers headers;
      if (!options.token.empty()) headers.emplace("Authorization", "Bearer " + options.token);
      std::vector<double> mine;
      std::map<int, int> my_statuses;
      int my_errors = 0;
      for (int pass = 0; pass <= options.repeat; ++pass) {
        for (std::size_t k = 0; k < queries.size(); ++k) {
          const std::string& query = queries[(k + static_cast<std::size_t>(c)) % queries.size()];
          const std::string path = "/api/search?q=" + encoded(query) + options.params;
          const auto start = std::chrono::steady_clock::now();
          const httplib::Result result = client.Get(path, headers);
          const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
          if (pass == 0) continue;  // warm-up
          if (!result) {
            ++my_errors;
            continue;
          }
          ++my_statuses[result->status];
          if (result->status != 200) ++my_errors;
          mine.push_back(elapsed.count());
        }
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
      for (const auto& [status, count] : my_statuses)
        statuses[status] += count;
      errors += my_errors;
    });
  }
  for (std::thread& client : clients)
    client.join();
  std::string status_text;
  for (const auto& [status, count] : statuses)
    status_text +=
        (status_text.empty() ? "" : ", ") + ("\"" + std::to_string(status) + "\": " + std::to_string(count));
  std::printf(
      "{\"clients\": %d, \"requests\": %zu, \"errors\": %d, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": "
      "%.2f, "
      "\"max_ms\": %.2f, \"statuses\": {%s}}\n",
      options.clients, latencies.size(), errors, percentile(latencies, 0.50), percentile(latencies, 0.95),
      percentile(latencies, 0.99),
      latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end()), status_text.c_str());
  return errors == 0 ? 0 : 1;
}
