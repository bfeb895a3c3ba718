#include "dossier/analysis/gazetteer.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>

#include "dossier/analysis/digest.h"
#include "dossier/analysis/gazetteer_data.h"
#include "dossier/analysis/normalizer.h"
#include "dossier/analysis/utf8.h"

namespace dossier::analysis {
namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t stop = text.find(separator, start);
    out.emplace_back(
        text.substr(start, stop == std::string_view::npos ? std::string_view::npos : stop - start));
    if (stop == std::string_view::npos) return out;
    start = stop + 1;
  }
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return std::string(text);
}

std::vector<std::string> list_of(std::string_view cell) {
  std::vector<std::string> items;
  if (cell.empty()) return items;
  for (const std::string& item : split(cell, '|')) {
    std::string value = trimmed(item);
    if (!value.empty() && std::find(items.begin(), items.end(), value) == items.end()) items.push_back(value);
  }
  return items;
}

// Case- and accent-insensitive key, the same folding the analyzer applies.
std::string lower(std::string_view text) {
  return Normalizer().fold(text);
}

// Calls `row` with the cells and line number of each data line (the header is skipped).
template <typename Row>
void for_each_row(const GazetteerFile& file, std::size_t min_columns, Row row) {
  if (!is_valid_utf8(file.content)) throw GazetteerError(file.origin + ": not valid UTF-8");
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < file.content.size()) {
    std::size_t stop = file.content.find('\n', start);
    if (stop == std::string::npos) stop = file.content.size();
    std::string_view line(file.content.data() + start, stop - start);
    start = stop + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1 || trimmed(line).empty() || line.front() == '#') continue;
    std::vector<std::string> cells = split(line, '\t');
    if (cells.size() < min_columns) {
      throw GazetteerError(file.origin + ":" + std::to_string(line_number) + ": expected " +
                           std::to_string(min_columns) + " tab-separated columns, found " +
                           std::to_string(cells.size()));
    }
    for (std::string& cell : cells)
      cell = trimmed(cell);
    row(cells, line_number);
  }
}

bool is_country_code(std::string_view code) {
  return code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) &&
         std::isupper(static_cast<unsigned char>(code[1]));
}

bool is_actor_id(std::string_view id) {
  return !id.empty() && id.size() <= 120 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
    list.push_back(std::move(value));
}

// Reasons read "category: detail; category: detail". Only a name that is weak for no reason but
// being an English word can be told apart by its capital letter.
Weakness weakness_of(std::string_view reasons) {
  if (reasons.empty()) return Weakness::Other;
  for (const std::string& reason : split(reasons, ';')) {
    if (trimmed(reason).rfind("not-an-actor:", 0) == 0) return Weakness::NotAnActor;
  }
  for (const std::string& reason : split(reasons, ';')) {
    if (trimmed(reason).rfind("common-word:", 0) != 0) return Weakness::Other;
  }
  return Weakness::CommonWord;
}

// Han, kana and Hangul write whole words in one or two characters.
bool is_logographic(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         script == USCRIPT_HANGUL;
}

}  // namespace

const std::vector<std::string> Gazetteer::kDefaultNameLocales = {
    "en", "fr", "de", "nl", "nb", "da", "sv", "fi", "es", "it", "pt", "pl",
    "cs", "ru", "uk", "zh", "ja", "ko", "ar", "fa", "tr", "he", "el"};

Gazetteer Gazetteer::build(const GazetteerSources& sources, const std::vector<std::string>& name_locales) {
  Gazetteer g;
  for_each_row(sources.countries, 5, [&g, &sources](const std::vector<std::string>& c, std::size_t line) {
    const std::string where = sources.countries.origin + ":" + std::to_string(line) + ": ";
    if (!is_country_code(c[0])) throw GazetteerError(where + "bad country code '" + c[0] + "'");
    if (g.country_index_.contains(c[0])) throw GazetteerError(where + "duplicate country " + c[0]);
    g.country_index_.emplace(c[0], g.countries_.size());
    g.countries_.push_back({c[0], c[1], list_of(c[2]), list_of(c[3]), list_of(c[4]), {}});
  });
  const auto add_actors = [&g](const GazetteerFile& file, bool merge) {
    std::unordered_set<std::string> seen;
    for_each_row(file, 5, [&](const std::vector<std::string>& c, std::size_t line) {
      const std::string where = file.origin + ":" + std::to_string(line) + ": ";
      if (!is_actor_id(c[0])) throw GazetteerError(where + "bad id '" + c[0] + "' (use a-z, 0-9 and -)");
      const auto kind = parse_actor_kind(c[2]);
      if (!kind && !(merge && c[2].empty())) throw GazetteerError(where + "unknown kind '" + c[2] + "'");
      if (!c[3].empty() && !is_country_code(c[3]))
        throw GazetteerError(where + "bad country code '" + c[3] + "'");
      if (!seen.insert(c[0]).second) throw GazetteerError(where + "duplicate id '" + c[0] + "'");
      const auto existing = g.actor_index_.find(c[0]);
      if (existing == g.actor_index_.end()) {
        if (c[1].empty() || !kind) throw GazetteerError(where + "a new actor needs a name and a kind");
        g.actor_index_.emplace(c[0], g.actors_.size());
        g.actors_.push_back({c[0], c[1], *kind, c[3], list_of(c[4])});
        return;
      }
      if (!merge) throw GazetteerError(where + "duplicate id '" + c[0] + "'");
      Actor& actor = g.actors_[existing->second];
      if (!c[1].empty() && c[1] != actor.name) {
        add_unique(actor.aliases, actor.name);
        actor.name = c[1];
      }
      if (kind) actor.kind = *kind;
      if (!c[3].empty()) actor.country = c[3];
      for (std::string& alias : list_of(c[4]))
        add_unique(actor.aliases, std::move(alias));
    });
  };
  add_actors(sources.actors, false);
  for (const GazetteerFile& file : sources.user_actors)
    add_actors(file, true);
  for_each_row(sources.weak_aliases, 1, [&g](const std::vector<std::string>& c, std::size_t) {
    g.weak_aliases_[lower(c[0])] = weakness_of(c.size() > 1 ? c[1] : std::string());
  });
  if (!sources.local_names.content.empty()) {
    for_each_row(sources.local_names, 4, [&g, &sources](const std::vector<std::string>& c, std::size_t line) {
      const std::string where = sources.local_names.origin + ":" + std::to_string(line) + ": ";
      const auto index = g.country_index_.find(c[0]);
      if (index == g.country_index_.end())
        throw GazetteerError(where + "unknown country code '" + c[0] + "'");
      if (c[1].empty() || c[1].size() > 3) throw GazetteerError(where + "bad language code '" + c[1] + "'");
      Country& country = g.countries_[index->second];
      for (std::string& name : list_of(c[2]))
        country.local_names.push_back({c[1], std::move(name), false});
      for (std::string& demonym : list_of(c[3]))
        country.local_names.push_back({c[1], std::move(demonym), true});
    });
  }
  g.add_cldr_names(name_locales);

  std::string everything = sources.countries.content + '\x1e' + sources.actors.content + '\x1e' +
                           sources.weak_aliases.content + '\x1e' + sources.local_names.content;
  for (const GazetteerFile& file : sources.user_actors)
    everything += '\x1e' + file.content;
  for (const std::string& locale : name_locales)
    everything += '\x1e' + locale;
  g.digest_ = digest_hex(everything);
  return g;
}

void Gazetteer::add_cldr_names(const std::vector<std::string>& name_locales) {
  // Every English name, alias and demonym, lower-cased: a CLDR name equal to one of another
  // country's would make the two indistinguishable, so it is left out.
  std::unordered_map<std::string, std::string> owner;
  for (const Country& country : countries_) {
    owner.emplace(lower(country.name), country.code);
    for (const std::string& alias : country.aliases)
      owner.emplace(lower(alias), country.code);
    for (const std::string& demonym : country.demonyms)
      owner.emplace(lower(demonym), country.code);
  }
  for (Country& country : countries_) {
    const icu::Locale region("", country.code.c_str());
    for (const std::string& language : name_locales) {
      icu::UnicodeString display;
      region.getDisplayCountry(icu::Locale(language.c_str()), display);
      std::string name;
      display.toUTF8String(name);
      // ICU answers with the code itself when it has no name. Short names in alphabetic scripts
      // are more often words than countries; two ideographs (中国) are a normal country name.
      if (name == country.code || display.countChar32() < (is_logographic(display.char32At(0)) ? 2 : 4))
        continue;
      const auto other = owner.find(lower(name));
      if (other != owner.end() && other->second != country.code) continue;
      country.local_names.push_back({language, name, false});
      if (name != country.name) add_unique(country.aliases, std::move(name));
    }
  }
}

Gazetteer Gazetteer::builtin(std::vector<GazetteerFile> user_actors) {
  GazetteerSources sources{{"built-in countries.tsv", std::string(builtin_countries_tsv())},
                           {"built-in actors.tsv", std::string(builtin_actors_tsv())},
                           {"built-in weak-aliases.tsv", std::string(builtin_weak_aliases_tsv())},
                           std::move(user_actors),
                           {"built-in local-names.tsv", std::string(builtin_local_names_tsv())}};
  return build(sources, kDefaultNameLocales);
}

const Country* Gazetteer::country(std::string_view code) const {
  const auto it = country_index_.find(std::string(code));
  return it == country_index_.end() ? nullptr : &countries_[it->second];
}

const Actor* Gazetteer::actor(std::string_view id) const {
  const auto it = actor_index_.find(std::string(id));
  return it == actor_index_.end() ? nullptr : &actors_[it->second];
}

Weakness Gazetteer::weakness(std::string_view alias) const {
  const auto it = weak_aliases_.find(lower(alias));
  return it == weak_aliases_.end() ? Weakness::None : it->second;
}

}  // namespace dossier::analysis
