/// \file
/// The boundary between `dossier` and its server module (libdossier-serve.so), the code of
/// `dossier serve`. cpp-httplib and the libraries it pulls in (OpenSSL, brotli) take ~2-4 ms to
/// load, relocate and initialise, which every `dossier search` would pay at start-up; as a module
/// they are loaded only by `serve`. Both sides are built from this tree with one compiler, so the
/// types below cross the boundary as they are; nothing thrown crosses it.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "dossier/server/request_log.h"

namespace dossier::server {

/// Whether the API asks for a token.
enum class TokenPolicy {
  Random,  ///< a random token per start, required as `Authorization: Bearer`
  None,    ///< no token (allowed on loopback addresses only)
};

/// What `dossier serve` serves and how: its flags, resolved.
struct ServeSettings {
  std::vector<std::filesystem::path> databases;  ///< the indexes, searched as one
  std::string host = "127.0.0.1";                ///< address or name to bind
  int port = 8080;                               ///< 0 picks a free port
  TokenPolicy token = TokenPolicy::Random;
  std::vector<std::string> host_names;           ///< more names the Host header may give
  std::size_t search_threads = 1;                ///< searches run at once
  std::size_t queue = 64;                        ///< requests that may wait for a search thread
  std::chrono::milliseconds time_limit{10'000};  ///< matching budget of each search
  std::size_t cache_bytes = 64 << 20;            ///< answers kept per index revision (0: none)
};

/// A server bound to its address, not yet serving. Its functions never throw.
class BoundServer {
 public:
  virtual ~BoundServer() = default;
  /// The address to open in a browser, `http://127.0.0.1:PORT/#token=TOKEN`.
  virtual std::string page_url() const = 0;
  /// Serves until `stop`, then returns once the requests in flight are answered: empty, or why
  /// listening failed.
  virtual std::string serve() noexcept = 0;
  /// Asks `serve` to return. Safe from any thread, before or during `serve`, more than once.
  virtual void stop() noexcept = 0;
};

/// What starting a server gave: the bound server, or why there is none.
struct ServerStart {
  std::unique_ptr<BoundServer> server;
  std::string error;  ///< one line ("no index at ...", "cannot listen on ...") when `server` is null
};

/// The module's one entry point, `dossier_start_server`: opens the indexes and binds the address
/// of `settings` into `start`; `logger` receives each answered request. Never throws.
using StartServerFunction = void (*)(const ServeSettings& settings, RequestLogger logger,
                                     ServerStart& start) noexcept;

inline constexpr const char* kServerModuleFile = "libdossier-serve.so";
inline constexpr const char* kStartServerSymbol = "dossier_start_server";

}  // namespace dossier::server
