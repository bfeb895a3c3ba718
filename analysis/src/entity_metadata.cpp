#include "dossier/analysis/entity_metadata.h"

#include <algorithm>
#include <map>

#include "dossier/analysis/normalizer.h"
#include "dossier/analysis/schema.h"

namespace dossier::analysis {
namespace {

// Xapian refuses metadata keys longer than its term limit; aliases that long are not names.
constexpr std::size_t kMaxKeyBytes = 200;

using AliasMap = std::map<std::string, std::vector<std::string>>;

// Adds `name` under its alias key, pointing at `target`; returns the key without its prefix
// (empty when the name has no usable key).
std::string add_alias(AliasMap& aliases, std::string_view prefix, std::string_view name,
                      const std::string& target) {
  std::string key = std::string(prefix) + alias_key(name);
  if (key.size() == prefix.size() || key.size() > kMaxKeyBytes) return {};
  std::string folded = key.substr(prefix.size());
  std::vector<std::string>& targets = aliases[std::move(key)];
  if (std::find(targets.begin(), targets.end(), target) == targets.end()) targets.push_back(target);
  return folded;
}

// The actor's own entry and the list of its names, and its names added to `aliases`.
void add_actor(const Actor& actor, std::vector<MetadataEntry>& entries, AliasMap& aliases) {
  entries.emplace_back(std::string(schema::kActorKeyPrefix) + actor.id,
                       actor.name + '\t' + std::string(actor_kind_name(actor.kind)) + '\t' + actor.country);
  std::vector<std::string> names;
  const auto add = [&](std::string_view name) {
    std::string key = add_alias(aliases, schema::kActorAliasKeyPrefix, name, actor.id);
    if (!key.empty()) names.push_back(std::move(key));
  };
  add(actor.id);
  add(actor.name);
  for (const std::string& alias : actor.aliases)
    add(alias);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  entries.emplace_back(std::string(schema::kActorNamesKeyPrefix) + actor.id, schema::encode_set(names));
}

void add_country(const Country& country, std::vector<MetadataEntry>& entries, AliasMap& aliases) {
  entries.emplace_back(std::string(schema::kCountryKeyPrefix) + country.code, country.name);
  add_alias(aliases, schema::kCountryAliasKeyPrefix, country.code, country.code);
  add_alias(aliases, schema::kCountryAliasKeyPrefix, country.name, country.code);
  for (const std::string& alias : country.aliases)
    add_alias(aliases, schema::kCountryAliasKeyPrefix, alias, country.code);
  for (const std::string& demonym : country.demonyms) {
    add_alias(aliases, schema::kCountryAliasKeyPrefix, demonym, country.code);
  }
}

void append_aliases(const AliasMap& aliases, std::vector<MetadataEntry>& entries) {
  for (const auto& [key, targets] : aliases)
    entries.emplace_back(key, schema::encode_set(targets));
}

}  // namespace

std::string alias_key(std::string_view name) {
  const std::string folded = Normalizer().fold(name);
  std::string key;
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(c);
  }
  return key;
}

std::vector<MetadataEntry> actor_metadata(const Actor& actor) {
  std::vector<MetadataEntry> entries;
  AliasMap aliases;
  add_actor(actor, entries, aliases);
  append_aliases(aliases, entries);
  return entries;
}

std::vector<MetadataEntry> gazetteer_metadata(const Gazetteer& gazetteer) {
  std::vector<MetadataEntry> entries;
  AliasMap aliases;
  for (const Country& country : gazetteer.countries())
    add_country(country, entries, aliases);
  for (const Actor& actor : gazetteer.actors())
    add_actor(actor, entries, aliases);
  append_aliases(aliases, entries);
  return entries;
}

std::optional<Actor> parse_actor_metadata(std::string_view id, std::string_view value) {
  const std::size_t first = value.find('\t');
  const std::size_t second = first == std::string_view::npos ? first : value.find('\t', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const auto kind = parse_actor_kind(value.substr(first + 1, second - first - 1));
  if (!kind) return std::nullopt;
  return Actor{
      std::string(id), std::string(value.substr(0, first)), *kind, std::string(value.substr(second + 1)), {}};
}

}  // namespace dossier::analysis
