#include "dossier/server/assets.h"

#include <optional>

#include "web_files.h"

namespace dossier::server {
namespace {

struct TypeRule {
  std::string_view extension;
  std::string_view content_type;
};

constexpr TypeRule kTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".txt", "text/plain; charset=utf-8"},
};

std::string_view content_type_of(std::string_view name) {
  for (const TypeRule& rule : kTypes) {
    if (name.size() > rule.extension.size() &&
        name.substr(name.size() - rule.extension.size()) == rule.extension) {
      return rule.content_type;
    }
  }
  return "application/octet-stream";
}

}  // namespace

std::optional<Asset> find_asset(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  const std::string_view name = path == "/" ? std::string_view("index.html") : path.substr(1);
  for (const WebFile& file : embedded_web_files()) {
    if (file.name == name) return Asset{file.name, content_type_of(file.name), file.body, file.etag};
  }
  return std::nullopt;
}

}  // namespace dossier::server
