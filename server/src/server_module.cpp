// The server module, libdossier-serve.so (see dossier/server/server_module.h): everything that
// serves the page and the API, built around one entry point.
#include "dossier/server/server_module.h"

#include <exception>

#include "dossier/server/http_server.h"
#include "dossier/server/request_guard.h"

namespace dossier::server {
namespace {

ApiOptions api_options(const ServeSettings& settings) {
  ApiOptions options;
  options.databases = settings.databases;
  options.time_limit = settings.time_limit;
  return options;
}

ServerOptions server_options(const ServeSettings& settings) {
  ServerOptions options;
  options.host = settings.host;
  options.port = settings.port;
  if (settings.token == TokenPolicy::Random) options.token = make_token();
  options.host_names = settings.host_names;
  return options;
}

// The pool, cache, routes and HTTP server of one `dossier serve`, in the order they depend on
// each other (members are destroyed in reverse: the server stops before the pool).
class ModuleServer final : public BoundServer {
 public:
  ModuleServer(const ServeSettings& settings, RequestLogger logger)
      : pool_(settings.databases, {settings.search_threads, settings.queue}),
        cache_(settings.cache_bytes),
        routes_(pool_, cache_, api_options(settings)),
        http_(server_options(settings), routes_, std::move(logger)) {}

  std::string page_url() const override { return http_.page_url(); }

  std::string serve() noexcept override {
    try {
      http_.serve();
      return {};
    } catch (const std::exception& e) {
      return e.what();
    }
  }

  void stop() noexcept override { http_.stop(); }

 private:
  SearchPool pool_;
  ResultCache cache_;
  ApiRoutes routes_;
  HttpServer http_;
};

}  // namespace
}  // namespace dossier::server

extern "C" __attribute__((visibility("default"))) void dossier_start_server(
    const dossier::server::ServeSettings& settings, dossier::server::RequestLogger logger,
    dossier::server::ServerStart& start) noexcept {
  try {
    start.server = std::make_unique<dossier::server::ModuleServer>(settings, std::move(logger));
  } catch (const std::exception& e) {
    start.error = e.what();
  } catch (...) {
    start.error = "the server could not start";
  }
}
