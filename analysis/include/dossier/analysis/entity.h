/// \file
/// The entities Dossier extracts from reports: countries and actors (agencies, threat groups,
/// companies...). Plain value types shared by the gazetteer, the tagger, the indexer and the searcher.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis {

/// What kind of organisation an actor is. The names (`actor_kind_name`) appear in JSON output and
/// in gazetteer files: they are an interface.
enum class ActorKind {
  ThreatGroup,         ///< "threat-group": APT40, Volt Typhoon
  IntelligenceAgency,  ///< "intelligence-agency": MSS, MIVD, FBI
  Government,          ///< "government": PRC State Council
  PoliticalParty,      ///< "political-party": CCP
  Intergovernmental,   ///< "intergovernmental": NATO, EU, Five Eyes
  Company,             ///< "company"
  SecurityVendor,      ///< "security-vendor": Fortinet, CrowdStrike
  Ngo,                 ///< "ngo": Safeguard Defenders
  Media,               ///< "media": Newsweek
  Unknown,             ///< "unknown": defined in a report ("Foo Bureau (FB)") but not in any gazetteer
};

/// The stable name of `kind` ("intelligence-agency").
std::string_view actor_kind_name(ActorKind kind) noexcept;

/// Parses a kind name; `std::nullopt` for an unknown name.
std::optional<ActorKind> parse_actor_kind(std::string_view name) noexcept;

/// Every kind, in the order of the enumeration (threat groups first).
std::vector<ActorKind> actor_kinds();

/// A named organisation.
struct Actor {
  std::string id;    ///< stable slug: "apt40", "mss-cn"
  std::string name;  ///< display name
  ActorKind kind = ActorKind::Unknown;
  std::string country;               ///< ISO 3166-1 alpha-2, or empty
  std::vector<std::string> aliases;  ///< other names, acronyms, native names
};

/// A country's name or demonym in one language, matched in that language's inflected forms
/// ("Украины" for "Украина", "kinesiske" for "kinesisk").
struct LocalName {
  std::string language;  ///< ISO 639-1 code ("nb", "ru", "de")
  std::string text;      ///< the dictionary form
  bool demonym = false;  ///< an adjective or inhabitant name rather than the country's name
};

/// A country (ISO 3166-1 region) and the words that name it.
struct Country {
  std::string code;                    ///< ISO 3166-1 alpha-2, upper case
  std::string name;                    ///< common English name
  std::vector<std::string> aliases;    ///< official and short forms, abbreviations, other languages
  std::vector<std::string> demonyms;   ///< "Chinese", "North Korean"
  std::vector<std::string> capitals;   ///< "Beijing"
  std::vector<LocalName> local_names;  ///< names and demonyms by language (CLDR, local-names.tsv)
};

}  // namespace dossier::analysis
