/// \file
/// An entity resolver for query tests that knows a few names, as an index's gazetteer would.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dossier/searcher/entity_directory.h"
#include "dossier/searcher/search_errors.h"

namespace dossier::testing {

/// Knows two countries (Norway; "Dutch", which names two codes), one actor (the MSS) and one
/// language (Norwegian); any other name throws `UnknownEntityError`, as the real directory does.
class FakeResolver : public searcher::EntityResolver {
 public:
  std::vector<std::string> resolve_country(std::string_view text) const override {
    if (text == "NO" || text == "Norway" || text == "Norwegian") return {"NO"};
    if (text == "Dutch") return {"NL", "BQ"};
    throw searcher::UnknownEntityError("unknown country '" + std::string(text) + "'");
  }
  std::vector<std::string> resolve_actor(std::string_view text) const override {
    if (text == "MSS" || text == "Ministry of State Security") return {"mss-cn"};
    throw searcher::UnknownEntityError("unknown actor '" + std::string(text) + "'");
  }
  std::string resolve_language(std::string_view text) const override {
    if (text == "no" || text == "Norwegian") return "no";
    throw searcher::UnknownEntityError("unknown language '" + std::string(text) + "'");
  }
};

}  // namespace dossier::testing
