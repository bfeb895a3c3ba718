#include "dossier/searcher/actor_kinds.h"

#include <algorithm>

#include "dossier/analysis/printable.h"
#include "dossier/analysis/schema.h"
#include "dossier/searcher/search_errors.h"

namespace dossier::searcher {

namespace schema = analysis::schema;

std::vector<analysis::ActorKind> parse_actor_kinds(const std::vector<std::string>& names) {
  std::vector<analysis::ActorKind> kinds;
  for (const std::string& name : names) {
    const auto kind = analysis::parse_actor_kind(name);
    if (!kind) {
      std::string known;
      for (const analysis::ActorKind k : analysis::actor_kinds())
        known += (known.empty() ? "" : ", ") + std::string(analysis::actor_kind_name(k));
      throw UnknownEntityError("unknown actor kind '" + analysis::printable(name) + "' (the kinds are " +
                               known + ")");
    }
    if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) kinds.push_back(*kind);
  }
  return kinds;
}

Xapian::Query actor_kind_query(const Xapian::Database& database, const EntityDirectory& directory,
                               const std::vector<analysis::ActorKind>& kinds) {
  const std::string prefix(schema::kActorPrefix);
  std::vector<Xapian::Query> terms;
  // Only actors some document names have an XA term: far fewer than the gazetteer's.
  for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
    const analysis::ActorKind kind = directory.actor((*it).substr(prefix.size())).kind;
    if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) terms.emplace_back(*it);
  }
  // Not Query::MatchNothing, which is an empty query, and an empty filter filters nothing out: the
  // bare prefix is a term no document has (an actor id is never empty).
  if (terms.empty()) return Xapian::Query(prefix);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace dossier::searcher
