/// \file
/// Exact facet counts: how many matching documents name each country and each actor, and how many
/// have each year, language and type.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "dossier/analysis/entity.h"
#include "dossier/searcher/entity_directory.h"
#include "dossier/searcher/timeline.h"

namespace dossier::searcher {

/// One facet value and the number of matching documents that have it.
struct FacetValue {
  std::string value;  ///< country code or actor id
  std::string name;   ///< display name
  std::size_t count = 0;
  analysis::ActorKind kind = analysis::ActorKind::Unknown;  ///< actors only
  std::string country;                                      ///< actors only: the actor's country, or ""
};

/// Facets of a search, each sorted by count (most first), then name; years newest first.
struct Facets {
  std::vector<FacetValue> countries;
  std::vector<FacetValue> actors;
  std::vector<FacetValue> years;      ///< value "2024"
  std::vector<FacetValue> languages;  ///< value "no", name "Norwegian"
  std::vector<FacetValue> types;      ///< value and name "pdf"
};

/// Counts facets and the timeline over every match. It uses only Xapian's built-in
/// `ValueCountMatchSpy` (so that the same counting works on remote shards served by
/// xapian-tcpsrv): one spy per slot, three slots. For the entity-set slots it counts each distinct
/// set of entities; each set is then split and its count added to every member. The facet-key slot
/// counts each distinct (period, language, format); the year, language and type facets and the
/// timeline are sums over those. Exact when the search examines every match (the searcher asks for
/// that). Names are looked up only for the values a limit can show.
class FacetCounter {
 public:
  FacetCounter();

  /// Registers the spies with `enquire`; this counter must outlive the search.
  void attach(Xapian::Enquire& enquire);

  /// The counts, named through `directory`, at most `limit` values per facet (0: all); when
  /// `actor_kinds` is not empty, only actors of those kinds (the limit applies to them).
  Facets result(const EntityDirectory& directory, std::size_t limit,
                const std::vector<analysis::ActorKind>& actor_kinds = {}) const;

  /// The matches by month (or year) of their date; `total` (the number of matches) gives the
  /// undated ones.
  Timeline timeline(std::size_t total) const;

 private:
  Xapian::ValueCountMatchSpy countries_;
  Xapian::ValueCountMatchSpy actors_;
  Xapian::ValueCountMatchSpy keys_;
};

}  // namespace dossier::searcher
