/// \file
/// The entities of one document as users see them (`dossier entities`, `dossier show`): names
/// resolved, with mention counts and the strings matched. Its JSON form is an interface.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dossier/analysis/entity.h"
#include "dossier/analysis/entity_tagger.h"
#include "dossier/analysis/gazetteer.h"

namespace dossier::analysis {

/// A country named by a document.
struct CountryReport {
  std::string code;
  std::string name;
  std::uint64_t mentions = 0;
  std::vector<std::string> surfaces;
};

/// An actor named by a document.
struct ActorReport {
  std::string id;
  std::string name;
  ActorKind kind = ActorKind::Unknown;
  std::string country;
  std::uint64_t mentions = 0;
  std::vector<std::string> surfaces;
};

/// A document's entities, most mentioned first.
struct EntityReport {
  std::vector<CountryReport> countries;
  std::vector<ActorReport> actors;
};

/// Names the entities the tagger found with `gazetteer` (and the actors the text itself defined).
EntityReport make_entity_report(const DocumentEntities& entities, const Gazetteer& gazetteer);

/// `{"countries": [{"code", "name", "mentions", "surfaces"}], "actors": [{"id", "name", "kind",
/// "country", "mentions", "surfaces"}]}`; `country` is "" when unknown.
nlohmann::ordered_json to_json(const EntityReport& report);

/// Human-readable lines: "countries: China (CN) 40, ..." then one line per actor.
std::string to_text(const EntityReport& report);

}  // namespace dossier::analysis
