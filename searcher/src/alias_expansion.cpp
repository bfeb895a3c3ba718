#include "alias_expansion.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "dossier/analysis/entity_metadata.h"
#include "dossier/analysis/schema.h"

namespace dossier::searcher {
namespace {

namespace schema = analysis::schema;

std::vector<analysis::Token> primary_tokens(const analysis::Analyzer& analyzer, const std::string& text) {
  std::vector<analysis::Token> tokens;
  analyzer.for_each_token(text, "none", [&tokens](const analysis::Token& token) {
    if (token.role == analysis::TokenRole::Primary) tokens.push_back(token);
  });
  return tokens;
}

// The summed idf of the exact terms of `tokens`, or nullopt when one is in no document.
std::optional<double> idf_of(const Xapian::Database& statistics, const std::vector<analysis::Token>& tokens) {
  double idf = 0.0;
  for (const analysis::Token& token : tokens) {
    const Xapian::doccount frequency = statistics.get_termfreq(token.term);
    if (frequency == 0) return std::nullopt;
    idf += bm25_idf(statistics.get_doccount(), frequency);
  }
  return idf;
}

}  // namespace

double bm25_idf(Xapian::doccount documents, Xapian::doccount frequency) {
  double ratio = (static_cast<double>(documents) - frequency + 0.5) / (frequency + 0.5);
  if (ratio < 2) ratio = std::max(ratio, 1e-6) / 2 + 1;
  return std::log(ratio);
}

Xapian::Query AliasExpansion::expand(const std::string& text, Xapian::Query typed,
                                     std::vector<std::string>& actors) const {
  if (!context_.expand_aliases) return typed;
  const std::vector<std::string> ids = context_.resolver.find_actors(text);
  if (ids.empty()) return typed;
  std::vector<Xapian::Query> any{std::move(typed)};
  for (const std::string& id : ids) {
    const Xapian::Query tagged(schema::prefixed(schema::kActorPrefix, id));
    const Xapian::Query names = other_names(id, text);
    any.push_back(names.empty() ? tagged : Xapian::Query(Xapian::Query::OP_AND_MAYBE, tagged, names));
    if (std::find(actors.begin(), actors.end(), id) == actors.end()) actors.push_back(id);
  }
  return Xapian::Query(Xapian::Query::OP_MAX, any.begin(), any.end());
}

// The weight a name of the actor should have, as an idf: `kOtherNameWeight` of that of the words
// typed, so that a name counts like the typed word, a little less (a report that uses the name
// typed is the surer match); of the actor's own (the documents tagged with it) when a typed word
// is in no document. 0 without statistics.
double AliasExpansion::reference_idf(const std::string& id, const std::string& typed) const {
  const Xapian::Database* statistics = context_.statistics;
  if (statistics == nullptr) return 0.0;
  if (const auto idf = idf_of(*statistics, primary_tokens(context_.analyzer, typed))) {
    return kOtherNameWeight * *idf;
  }
  return kOtherNameWeight * bm25_idf(statistics->get_doccount(),
                                     statistics->get_termfreq(schema::prefixed(schema::kActorPrefix, id)));
}

// The actor's names other than `typed`, each as its exact word or phrase, as alternatives.
Xapian::Query AliasExpansion::other_names(const std::string& id, const std::string& typed) const {
  const std::string typed_key = analysis::alias_key(typed);
  const double idf = reference_idf(id, typed);
  std::vector<Xapian::Query> names;
  for (const std::string& alias : context_.resolver.actor_aliases(id)) {
    if (alias == typed_key) continue;
    Xapian::Query name = name_query(alias, idf);
    if (!name.empty()) names.push_back(std::move(name));
  }
  return names.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_MAX, names.begin(), names.end());
}

// One name as its exact word or phrase, scaled so that its words together weigh `reference` (a
// phrase weighs the sum of its words' weights); empty when it cannot match (a word of it is in no
// document) or has nothing to search. Without statistics, unscaled.
Xapian::Query AliasExpansion::name_query(const std::string& alias, double reference) const {
  const std::vector<analysis::Token> tokens = primary_tokens(context_.analyzer, alias);
  if (tokens.empty()) return {};
  std::optional<double> idf;
  if (context_.statistics != nullptr && !(idf = idf_of(*context_.statistics, tokens))) return {};
  std::vector<Xapian::Query> terms;
  for (const analysis::Token& token : tokens)
    terms.emplace_back(token.term);
  Xapian::Query name = terms.size() == 1
                           ? terms.front()
                           : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                           tokens.back().position - tokens.front().position + 1);
  if (!idf || *idf <= 0.0 || reference <= 0.0) return name;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, name, reference / *idf);
}

}  // namespace dossier::searcher
