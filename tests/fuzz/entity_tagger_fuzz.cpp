// Fuzzes the entity tagger with the built-in gazetteer: any text gives entities whose ids the
// gazetteer knows (or the document defined), with at least one mention each.
#include <string_view>

#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/entity_tagger.h"
#include "dossier/analysis/gazetteer.h"
#include "fuzz_support.h"

namespace {

// Built once per process: the gazetteer takes a while and is immutable.
const dossier::analysis::EntityTagger& tagger() {
  static const dossier::analysis::Gazetteer gazetteer = dossier::analysis::Gazetteer::builtin();
  static const dossier::analysis::Analyzer analyzer;
  static const dossier::analysis::EntityTagger instance(gazetteer, analyzer);
  return instance;
}

bool defined_here(const dossier::analysis::DocumentEntities& entities, const std::string& id) {
  for (const auto& actor : entities.defined_actors) {
    if (actor.id == id) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using dossier::fuzz::require;
  const auto& gazetteer = tagger().gazetteer();
  const dossier::analysis::DocumentEntities entities = tagger().tag(dossier::fuzz::as_text(data, size));
  for (const auto& country : entities.countries) {
    require(gazetteer.country(country.id) != nullptr, "a tagged country is in the gazetteer");
    require(country.mentions > 0, "a tagged country is mentioned");
  }
  for (const auto& actor : entities.actors) {
    require(gazetteer.actor(actor.id) != nullptr || defined_here(entities, actor.id),
            "a tagged actor is in the gazetteer or defined by the document");
    require(actor.mentions > 0, "a tagged actor is mentioned");
  }
  return 0;
}
