/// \file
/// The countries and actors an index knows, read from its metadata: display names for facets and
/// hits, and resolution of what a user types (`--country Norge`, `actor:MSS`) to ids.
#pragma once

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/entity.h"

namespace dossier::searcher {

/// Resolves names typed in a query or a flag to entity ids.
class EntityResolver {
 public:
  virtual ~EntityResolver() = default;
  /// Country codes for a code (ISO alpha-2 or alpha-3), name, alias or demonym ("NO", "NOR",
  /// "Norway", "Norwegian", "Norge"). Throws `UnknownEntityError` naming the closest known names:
  /// those holding every word typed ("Korea": north korea, south korea), else near spellings.
  virtual std::vector<std::string> resolve_country(std::string_view text) const = 0;
  /// Actor ids for an id, name or alias ("MSS", "Ministry of State Security", "Leviathan").
  /// Throws `UnknownEntityError` naming the closest known names.
  virtual std::vector<std::string> resolve_actor(std::string_view text) const = 0;
  /// The language code for a code or English name ("no", "Norwegian"). Throws
  /// `UnknownEntityError` listing the index's languages.
  virtual std::string resolve_language(std::string_view text) const = 0;
  /// Actor ids for an id, name or alias, like `resolve_actor`, but empty (no error, no suggestion)
  /// when the name is unknown: for expanding query words that happen to name an actor.
  virtual std::vector<std::string> find_actors(std::string_view /*text*/) const { return {}; }
  /// Every name of actor `id` (its id, name and aliases) as folded alias keys ("fancy bear"),
  /// sorted; empty for an unknown id.
  virtual std::vector<std::string> actor_aliases(std::string_view /*id*/) const { return {}; }
};

/// Entity names stored in one index or in several shards searched together (each shard is asked
/// in turn, so actors defined in reports of any shard are found). Not thread-safe.
class EntityDirectory : public EntityResolver {
 public:
  explicit EntityDirectory(std::vector<Xapian::Database> shards);

  /// The country's name, or the code itself when the index does not know it.
  std::string country_name(std::string_view code) const;

  /// The actor's name, kind and country (no aliases); an unknown id gives an actor named by its id.
  analysis::Actor actor(std::string_view id) const;

  std::vector<std::string> resolve_country(std::string_view text) const override;
  std::vector<std::string> resolve_actor(std::string_view text) const override;
  std::string resolve_language(std::string_view text) const override;
  std::vector<std::string> find_actors(std::string_view text) const override;
  /// Scans the alias keys of every shard (about 10,000 for the built-in gazetteer: ~8 ms).
  std::vector<std::string> actor_aliases(std::string_view id) const override;

  /// The languages of the indexed documents (ISO 639-1 codes), from every shard.
  std::vector<std::string> languages() const;

 private:
  std::string metadata(const std::string& key) const;
  std::vector<std::string> resolve(std::string_view text, std::string_view prefix, std::string_view what,
                                   std::string_view names_prefix) const;
  std::set<std::string> display_keys(std::string_view prefix) const;
  std::vector<std::string> lookup(std::string_view text, std::string_view prefix) const;

  std::vector<Xapian::Database> shards_;
};

}  // namespace dossier::searcher
