/// \file
/// Decides which candidate mentions of a document count, and counts them. Private to the entity
/// tagger.
#pragma once

#include <cstddef>
#include <vector>

#include "dossier/analysis/entity_tagger.h"
#include "entity_candidate.h"

namespace dossier::analysis {

/// What a finished session hands over for resolution.
struct SessionFindings {
  std::vector<Candidate> candidates;
  std::vector<std::size_t> actor_context;    ///< global token indices of actor context words, ascending
  std::vector<std::size_t> country_context;  ///< global token indices of country context words, ascending
  std::vector<Actor> defined;                ///< actors the text defined (acronyms, alias lists, codes)
};

/// The document's entities: strong candidates count; weak ones with a strong mention of the same
/// entity, a context word within a few words, or (weak acronyms of actors) a strong mention of the
/// actor's country; ambiguous ones only with a strong mention; blocked ones never. Each candidate
/// is one mention.
DocumentEntities resolve_mentions(SessionFindings findings);

}  // namespace dossier::analysis
