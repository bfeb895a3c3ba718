/// \file
/// The page's static files, served by exact name from a table embedded in the binary: there is no
/// file-system mount, so no request path can name a file outside the table.
#pragma once

#include <optional>
#include <string_view>

namespace dossier::server {

/// A file the server sends as it is.
struct Asset {
  std::string_view name;          ///< relative to web/: "index.html"
  std::string_view content_type;  ///< "text/html; charset=utf-8"...
  std::string_view body;
  std::string_view etag;  ///< quoted entity tag from the content's digest
};

/// The asset served at `path`: "/" is index.html, "/app.js" is app.js; any other path
/// (`/../etc/passwd`, `/app.js/`, `//app.js`, a name that is not in the table) is none.
std::optional<Asset> find_asset(std::string_view path);

}  // namespace dossier::server
