#include "dossier/searcher/entity_directory.h"

#include <unicode/locid.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
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

// True when every word of `key` (folded, space-separated) is a whole word of `name`: "korea" in
// "south korea" and "north korea".
bool has_words_of(std::string_view name, std::string_view key) {
  const auto words = [](std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t stop = text.find_first_of(" ,-", start);
      if (stop == std::string_view::npos) stop = text.size();
      if (stop > start) out.push_back(text.substr(start, stop - start));
      start = stop + 1;
    }
    return out;
  };
  const std::vector<std::string_view> name_words = words(name);
  const std::vector<std::string_view> key_words = words(key);
  return !key_words.empty() && key_words.size() < name_words.size() &&
         std::all_of(key_words.begin(), key_words.end(), [&](std::string_view w) {
           return std::find(name_words.begin(), name_words.end(), w) != name_words.end();
         });
}

// The ISO 3166-1 alpha-2 code of an alpha-3 code ("NOR" -> "NO", "chn" -> "CN"), from ICU's
// region data, or "" when `text` is not one.
std::string alpha2_of(std::string_view text, const std::vector<std::string>& alpha2_codes) {
  if (text.size() != 3) return {};
  std::string upper;
  for (char c : text) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  for (const std::string& code : alpha2_codes) {
    if (upper == icu::Locale("", code.c_str()).getISO3Country()) return code;
  }
  return {};
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
  if (lookup(text, schema::kCountryAliasKeyPrefix).empty()) {
    // ISO alpha-3 codes ("NOR", "CHN") are not names the tagger matches in text, only keys.
    std::vector<std::string> codes;
    const std::string prefix(schema::kCountryKeyPrefix);
    for (const Xapian::Database& shard : shards_) {
      for (auto it = shard.metadata_keys_begin(prefix); it != shard.metadata_keys_end(prefix); ++it)
        codes.push_back((*it).substr(prefix.size()));
    }
    if (std::string code = alpha2_of(text, codes); !code.empty()) return {code};
  }
  return resolve(text, schema::kCountryAliasKeyPrefix, "country", schema::kCountryKeyPrefix);
}

std::vector<std::string> EntityDirectory::resolve_actor(std::string_view text) const {
  return resolve(text, schema::kActorAliasKeyPrefix, "actor", schema::kActorKeyPrefix);
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

std::set<std::string> EntityDirectory::display_keys(std::string_view prefix) const {
  std::set<std::string> keys;
  const std::string start(prefix);
  for (const Xapian::Database& shard : shards_) {
    for (auto it = shard.metadata_keys_begin(start); it != shard.metadata_keys_end(start); ++it) {
      const std::string value = shard.get_metadata(*it);
      // Actors store "name<TAB>kind<TAB>country", countries their name.
      keys.insert(analysis::alias_key(std::string_view(value).substr(0, value.find('\t'))));
    }
  }
  return keys;
}

std::vector<std::string> EntityDirectory::resolve(std::string_view text, std::string_view prefix,
                                                  std::string_view what,
                                                  std::string_view names_prefix) const {
  std::vector<std::string> ids = lookup(text, prefix);
  if (!ids.empty()) return ids;
  const std::string key = analysis::alias_key(text);

  // Unknown: suggest the nearest names the index knows. Display names that hold every word typed
  // come first ("Korea": "north korea", "south korea"), then other names that do ("nord-korea"),
  // shortest first; then names a few edits away.
  std::vector<std::pair<std::size_t, std::string>> nearest;
  const std::size_t tolerance = std::max<std::size_t>(2, key.size() / 3);
  const std::size_t edited = tolerance + 2 + kMaxLengthGap;  // ranks edits after every word match
  const std::set<std::string> displayed = display_keys(names_prefix);
  for (const Xapian::Database& shard : shards_) {
    for (auto it = shard.metadata_keys_begin(std::string(prefix));
         it != shard.metadata_keys_end(std::string(prefix)); ++it) {
      const std::string name = (*it).substr(prefix.size());
      if (has_words_of(name, key)) {
        nearest.emplace_back(
            displayed.contains(name) ? 0 : std::min(1 + name.size() - key.size(), edited - 1), name);
        continue;
      }
      const std::size_t distance = name_distance(key, name);
      if (distance <= tolerance) nearest.emplace_back(edited + distance, name);
    }
  }
  std::sort(nearest.begin(), nearest.end());
  nearest.erase(std::unique(nearest.begin(), nearest.end()), nearest.end());
  if (!nearest.empty() && nearest.front().first < edited) {
    // Names that hold the words typed say more than spellings that happen to be close, and
    // display names more than other names.
    const std::size_t best = nearest.front().first == 0 ? 1 : edited;
    std::erase_if(nearest, [best](const auto& n) { return n.first >= best; });
  }
  std::string message = "unknown " + std::string(what) + " '" + analysis::printable(text) + "'";
  for (std::size_t i = 0; i < nearest.size() && i < kSuggestions; ++i) {
    message += (i == 0 ? " (did you mean: " : ", ") + nearest[i].second;
  }
  if (!nearest.empty()) message += "?)";
  throw UnknownEntityError(message);
}

}  // namespace dossier::searcher
