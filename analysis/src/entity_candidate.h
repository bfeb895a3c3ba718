/// \file
/// A name found in a text before the tagger's rules decide whether it counts. Private to the
/// entity tagger.
#pragma once

#include <cstddef>
#include <string>

#include "dossier/analysis/alias_matcher.h"

namespace dossier::analysis {

/// How much a found name can be trusted on its own.
enum class Certainty {
  Strong,     ///< counts
  Weak,       ///< a common word: counts with support or a context word, never glued to a capitalised word
  Ambiguous,  ///< shared by several entities: counts only with support (context cannot tell which)
};

/// One possible mention of one entity.
struct Candidate {
  EntityType type = EntityType::Country;
  std::string id;
  std::size_t first = 0;  ///< global index of the first token
  std::size_t last = 0;   ///< global index of the last token
  Certainty certainty = Certainty::Strong;
  bool blocked = false;  ///< a weak name glued to another capitalised word: part of a different name
  NameRole role = NameRole::Name;
  std::string surface;
  /// For a weak acronym of an actor ("MSS", also TCP's maximum segment size): the actor's country,
  /// whose strong mention in the same document supports it.
  std::string country_support;
  /// How far (in words) a context word may stand from a weak name for it to count.
  std::size_t context_words = 4;
};

/// "c:CN", "a:apt40": one key space for both entity types.
inline std::string key_of(EntityType type, const std::string& id) {
  return (type == EntityType::Country ? "c:" : "a:") + id;
}

}  // namespace dossier::analysis
