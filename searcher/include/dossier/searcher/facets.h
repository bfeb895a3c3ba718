/// \file
/// Exact facet counts: how many matching documents name each country and each actor, and how many
/// have each year, language and type.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
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

/// Where a `FacetCounter` reads the values of the matches.
enum class FacetSource {
  /// Xapian's built-in `ValueCountMatchSpy` on each slot, reading each match's values as it is
  /// matched: what remote shards (xapian-tcpsrv) can run, and what several databases searched as
  /// one need.
  MatchSpies,
  /// One local database: the matches' document ids are noted during the match, then each slot's
  /// value stream is read once, in document order, at those ids. The same counts without a
  /// B-tree look-up and chunk scan per value.
  ValueStreams,
};

/// Counts facets and the timeline over every match, from three value slots: the two entity-set
/// slots, where it counts each distinct set of entities and then adds each set's count to every
/// member, and the facet-key slot, where it counts each distinct (period, language, format) and the
/// year, language and type facets and the timeline are sums over those. With
/// `FacetSource::MatchSpies` it uses only Xapian's built-in `ValueCountMatchSpy`, so that the same
/// counting works on remote shards. Exact when the search examines every match (the searcher asks
/// for that). Names are looked up only for the values a limit can show.
class FacetCounter {
 public:
  explicit FacetCounter(FacetSource source = FacetSource::MatchSpies);

  /// Registers the spies with `enquire`; this counter must outlive the search.
  void attach(Xapian::Enquire& enquire);

  /// After the match, before `result` and `timeline`: takes the counts from the spies, or reads
  /// them from `database`'s value streams (`FacetSource::ValueStreams`; the enquire's database).
  void count(const Xapian::Database& database);

  /// The counts, named through `directory`, at most `limit` values per facet (0: all); when
  /// `actor_kinds` is not empty, only actors of those kinds (the limit applies to them).
  Facets result(const EntityDirectory& directory, std::size_t limit,
                const std::vector<analysis::ActorKind>& actor_kinds = {}) const;

  /// The matches by month (or year) of their date; `total` (the number of matches) gives the
  /// undated ones.
  Timeline timeline(std::size_t total) const;

 private:
  // Notes the id of each match (a spy that reads nothing).
  class MatchedDocuments : public Xapian::MatchSpy {
   public:
    void operator()(const Xapian::Document& document, double weight) override;
    std::vector<Xapian::docid> ids;
  };

  using Counts = std::map<std::string, std::size_t>;

  FacetSource source_;
  Xapian::ValueCountMatchSpy countries_;
  Xapian::ValueCountMatchSpy actors_;
  Xapian::ValueCountMatchSpy keys_;
  MatchedDocuments matched_;
  Counts country_sets_, actor_sets_, key_values_;  // distinct value -> matches, per slot
};

}  // namespace dossier::searcher
