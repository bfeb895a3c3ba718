/// \file
/// The gazetteer: every country and actor Dossier can recognise, with the words that name them.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dossier/analysis/entity.h"

namespace dossier::analysis {

/// Why a name may not mean its entity (from the weak-aliases file's reasons).
enum class Weakness {
  None,        ///< a name to trust
  CommonWord,  ///< only an English word ("Hive", "Bitter"): capitalised mid-sentence, it is the name
  Other,       ///< also a place, a person, a product, too short...: needs support or context
  NotAnActor,  ///< names a thing that contains an actor's name ("MITRE ATT&CK", a framework): never counts
};

/// A gazetteer file that cannot be read; `what()` reads "FILE:LINE: reason".
class GazetteerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The text of one gazetteer file and the name used in error messages.
struct GazetteerFile {
  std::string origin;   ///< a path or "built-in"
  std::string content;  ///< TSV text
};

/// The TSV texts a gazetteer is built from. Formats (one header line, TAB-separated, UTF-8,
/// `|` separates list items):
/// - countries: `code  name  aliases  demonyms  capitals`
/// - actors:    `id  name  kind  country  aliases  [source]`
/// - weak aliases: `alias  reason` — names that are also common words ("Play", "Cobalt") or are
///   ambiguous ("Georgia", "Jordan"): they count only with support (see `EntityTagger`).
struct GazetteerSources {
  GazetteerFile countries;
  GazetteerFile actors;
  GazetteerFile weak_aliases;
  /// Users' watchlists in the actors format. A row with a new id adds an actor; a row with a
  /// known id adds its aliases to that actor and replaces its name, kind and country when given.
  std::vector<GazetteerFile> user_actors;
  /// Countries' names and demonyms in other languages: `code  language  names  demonyms`
  /// (language an ISO 639-1 code). Optional (empty content: none).
  GazetteerFile local_names;
};

/// Countries and actors, indexed by code and id. Immutable once built; safe to share between threads.
class Gazetteer {
 public:
  /// Builds a gazetteer from `sources`, adding each country's name in `name_locales` from CLDR
  /// (ICU `Locale::getDisplayCountry`), except names shorter than four characters or equal to a
  /// name of another country. Throws `GazetteerError` for a malformed row (wrong column count,
  /// bad id, unknown kind, bad country code, duplicate id in one file).
  static Gazetteer build(const GazetteerSources& sources, const std::vector<std::string>& name_locales);

  /// The data compiled into Dossier (corpus/gazetteers/) plus `user_actors`, with country names in
  /// `kDefaultNameLocales`. Throws `GazetteerError` for a malformed user file.
  static Gazetteer builtin(std::vector<GazetteerFile> user_actors = {});

  /// Locales whose country names are added by `builtin`.
  static const std::vector<std::string> kDefaultNameLocales;

  const std::vector<Country>& countries() const noexcept { return countries_; }
  const std::vector<Actor>& actors() const noexcept { return actors_; }

  /// The country with ISO code `code` (upper case), or nullptr.
  const Country* country(std::string_view code) const;
  /// The actor with `id`, or nullptr.
  const Actor* actor(std::string_view id) const;

  /// True when `alias` (compared case-insensitively) is listed as weak.
  bool is_weak(std::string_view alias) const { return weakness(alias) != Weakness::None; }

  /// Why `alias` is weak: `NotAnActor` when a reason is of the category "not-an-actor",
  /// `CommonWord` when every reason given is of the category "common-word" ("common-word: 'hive' is
  /// an English word"), `Other` for any other reason, `None` if not listed.
  Weakness weakness(std::string_view alias) const;

  /// A digest of everything in the gazetteer, to tell whether an index was built with the same one.
  const std::string& digest() const noexcept { return digest_; }

 private:
  void add_cldr_names(const std::vector<std::string>& name_locales);

  std::vector<Country> countries_;
  std::vector<Actor> actors_;
  std::unordered_map<std::string, std::size_t> country_index_;
  std::unordered_map<std::string, std::size_t> actor_index_;
  std::unordered_map<std::string, Weakness> weak_aliases_;  // folded alias -> why
  std::string digest_;
};

}  // namespace dossier::analysis
