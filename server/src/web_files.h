// The page's files (web/), embedded in the binary at build time by server/embed_assets.cmake.
#pragma once

#include <span>
#include <string_view>

namespace dossier::server {

/// One embedded file.
struct WebFile {
  std::string_view name;  ///< relative to web/: "index.html", "app.js"
  std::string_view body;  ///< its bytes
  std::string_view etag;  ///< quoted, from its SHA-256: "\"3f2a...\""
};

/// Every file of web/, as the build embedded them (generated: web_files.cpp in the build folder).
std::span<const WebFile> embedded_web_files() noexcept;

}  // namespace dossier::server
