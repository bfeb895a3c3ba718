#include "dossier/searcher/entity_directory.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "dossier/analysis/entity_metadata.h"
#include "dossier/analysis/language.h"
#include "dossier/analysis/printable.h"
#include "dossier/analysis/schema.h"
#include "dossier/searcher/search_errors.h"
#include "edit_distance.h"

namespace dossier::searcher {
namespace {

namespace schema = analysis::schema;

constexpr std::size_t kSuggestions = 3;

// Names whose lengths differ by more than this are never suggested for each other.
constexpr std::size_t kMaxLengthGap = 64;

// Levenshtein distance over bytes, for "did you mean" suggestions; SIZE_MAX, without the quadratic
// work, when the lengths differ by more than kMaxLengthGap (a 100,000-byte --actor must not cost
// minutes of comparisons with every alias).
std::size_t name_distance(std::string_view a, std::string_view b) {
  if (std::max(a.size(), b.size()) - std::min(a.size(), b.size()) > kMaxLengthGap) return SIZE_MAX;
  return levenshtein(a, b);
}

}  // namespace

EntityDirectory::EntityDirectory(std::vector<Xapian::Database> shards) : shards_(std::move(shards)) {}

std::string EntityDirectory::metadata(const std::string& key) const {
  for (const Xapian::Database& shard : shards_) {
    std::string value = shard.get_metadata(key);
    if (!value.empty()) return value;
  }
  return {};
}

std::string EntityDirectory::country_name(std::string_view code) const {
  std::string name = metadata(std::string(schema::kCountryKeyPrefix) + std::string(code));
  return name.empty() ? std::string(code) : name;
}

analysis::Actor EntityDirectory::actor(std::string_view id) const {
  const std::string value = metadata(std::string(schema::kActorKeyPrefix) + std::string(id));
  if (auto actor = analysis::parse_actor_metadata(id, value)) return *actor;
  return {std::string(id), std::string(id), analysis::ActorKind::Unknown, {}, {}};
}

std::vector<std::string> EntityDirectory::resolve_country(std::string_view text) const {
  return resolve(text, schema::kCountryAliasKeyPrefix, "country");
}

std::vector<std::string> EntityDirectory::resolve_actor(std::string_view text) const {
  return resolve(text, schema::kActorAliasKeyPrefix, "actor");
}

std::vector<std::string> EntityDirectory::languages() const {
  std::vector<std::string> codes;
  for (const Xapian::Database& shard : shards_) {
    for (std::string& code : schema::decode_set(shard.get_metadata(std::string(schema::kLanguagesKey)))) {
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(std::move(code));
    }
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

std::string EntityDirectory::resolve_language(std::string_view text) const {
  const std::string key = analysis::alias_key(text);
  const std::vector<std::string> codes = languages();
  for (const std::string& code : codes) {
    if (key == code || key == analysis::alias_key(analysis::language_name(code))) return code;
  }
  std::string known;
  for (const std::string& code : codes)
    known += (known.empty() ? "" : ", ") + code;
  throw UnknownEntityError("unknown language '" + analysis::printable(text) +
                           "' (the index has: " + (known.empty() ? std::string("none") : known) + ")");
}

std::vector<std::string> EntityDirectory::find_actors(std::string_view text) const {
  return lookup(text, schema::kActorAliasKeyPrefix);
}

std::vector<std::string> EntityDirectory::actor_aliases(std::string_view id) const {
  const std::string prefix(schema::kActorAliasKeyPrefix);
  std::vector<std::string> names;
  for (const Xapian::Database& shard : shards_) {
    const std::string listed =
        shard.get_metadata(std::string(schema::kActorNamesKeyPrefix) + std::string(id));
    if (!listed.empty()) {
      for (std::string& name : schema::decode_set(listed))
        names.push_back(std::move(name));
      continue;
    }
    // An index written before actors listed their names: every alias key is looked at (~8 ms).
    for (auto it = shard.metadata_keys_begin(prefix); it != shard.metadata_keys_end(prefix); ++it) {
      const std::vector<std::string> ids = schema::decode_set(shard.get_metadata(*it));
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) names.push_back((*it).substr(prefix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<std::string> EntityDirectory::lookup(std::string_view text, std::string_view prefix) const {
  const std::string key = analysis::alias_key(text);
  std::vector<std::string> ids;
  if (key.empty()) return ids;
  for (const Xapian::Database& shard : shards_) {
    for (std::string& id : schema::decode_set(shard.get_metadata(std::string(prefix) + key))) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
    }
  }
  return ids;
}

std::vector<std::string> EntityDirectory::resolve(std::string_view text, std::string_view prefix,
                                                  std::string_view what) const {
  std::vector<std::string> ids = lookup(text, prefix);
  if (!ids.empty()) return ids;
  const std::string key = analysis::alias_key(text);

  // Unknown: suggest the nearest names the index knows.
  std::vector<std::pair<std::size_t, std::string>> nearest;
  const std::size_t tolerance = std::max<std::size_t>(2, key.size() / 3);
  for (const Xapian::Database& shard : shards_) {
    for (auto it = shard.metadata_keys_begin(std::string(prefix));
         it != shard.metadata_keys_end(std::string(prefix)); ++it) {
      const std::string name = (*it).substr(prefix.size());
      const std::size_t distance = name_distance(key, name);
      if (distance <= tolerance) nearest.emplace_back(distance, name);
    }
  }
  std::sort(nearest.begin(), nearest.end());
  nearest.erase(std::unique(nearest.begin(), nearest.end()), nearest.end());
  std::string message = "unknown " + std::string(what) + " '" + analysis::printable(text) + "'";
  for (std::size_t i = 0; i < nearest.size() && i < kSuggestions; ++i) {
    message += (i == 0 ? " (did you mean: " : ", ") + nearest[i].second;
  }
  if (!nearest.empty()) message += "?)";
  throw UnknownEntityError(message);
}

}  // namespace dossier::searcher
