#include "dossier/analysis/name_context.h"

#include <string_view>
#include <unordered_set>

namespace dossier::analysis {
namespace {

// Words that show a weak actor name is used as an actor's name ("Play ransomware").
const std::unordered_set<std::string_view> kActorContext = {
    "group",      "groups",    "apt",     "actor",     "actors",     "gang",         "ransomware",
    "threat",     "hackers",   "hacker",  "operators", "operator",   "campaign",     "campaigns",
    "attackers",  "attacker",  "cluster", "crew",      "team",       "malware",      "intrusion",
    "intrusions", "espionage", "attack",  "attacks",   "affiliate",  "affiliates",   "operation",
    "operations", "aka",       "dubbed",  "tracked",   "attributed", "intelligence", "spy",
    "spies",      "spied",     "spying",  "agency",    "agents"};

// Words that show a weak country name is used as a country's name ("the government of Georgia").
const std::unordered_set<std::string_view> kCountryContext = {
    "government", "ministry",  "embassy",     "president",  "minister", "country", "countries", "nation",
    "military",   "army",      "authorities", "parliament", "capital",  "border",  "republic",  "citizens",
    "regime",     "sanctions", "sponsored",   "troops",     "invasion", "war",     "diplomats", "foreign",
    "nationals",  "officials", "state",       "territory",  "kingdom",  "province"};

// A threat group's name followed by one of these words is still its name ("Elfin Group").
// "Winnti operators" names the people behind a name, and "Naikon APT" says what Naikon is: neither
// is a longer name.
const std::unordered_set<std::string_view> kGroupSuffixes = {"group", "gang", "team", "crew"};

// A demonym followed by one of these names a language, not a country ("Russian-speaking").
const std::unordered_set<std::string_view> kLanguageWords = {"language", "languages", "speaking", "speaker",
                                                             "speakers"};

// A country name followed by one of these is part of an organisation's name ("China Telecom",
// "India Overseas Bank", "Hong Kong Polytechnic University", "British Airways").
const std::unordered_set<std::string_view> kOrganisationWords = {"telecom",    "telecommunications",
                                                                 "airways",    "airlines",
                                                                 "air",        "bank",
                                                                 "university", "polytechnic",
                                                                 "institute",  "college",
                                                                 "academy",    "school",
                                                                 "times",      "post",
                                                                 "daily",      "herald",
                                                                 "tribune",    "today",
                                                                 "news",       "television",
                                                                 "radio",      "mobile",
                                                                 "unicom",     "motors",
                                                                 "electric",   "electronics",
                                                                 "power",      "energy",
                                                                 "railway",    "railways",
                                                                 "overseas",   "holdings",
                                                                 "group",      "inc",
                                                                 "corp",       "corporation",
                                                                 "ltd",        "limited",
                                                                 "company",    "airport",
                                                                 "hospital",   "museum",
                                                                 "express",    "steel",
                                                                 "petroleum",  "oil",
                                                                 "insurance",  "securities"};

// Words that make a long name an organisation rather than a technology ("Domain Name System").
const std::unordered_set<std::string_view> kOrganisationHeads = {
    "ministry",     "agency",       "service",      "services",
    "bureau",       "department",   "office",       "directorate",
    "committee",    "council",      "commission",   "institute",
    "center",       "centre",       "command",      "force",
    "forces",       "police",       "army",         "navy",
    "party",        "organization", "organisation", "corporation",
    "company",      "inc",          "ltd",          "foundation",
    "association",  "university",   "authority",    "administration",
    "intelligence", "front",        "league",       "federation",
    "guard",        "corps",        "unit",         "group",
    "division",     "board",        "secretariat",  "cabinet",
    "court",        "bank",         "network",      "alliance",
    "coalition",    "parliament",   "assembly",     "embassy",
    "consulate"};

}  // namespace

bool is_organisation_head(std::string_view term) {
  return kOrganisationHeads.contains(term);
}

bool is_actor_context(std::string_view term) {
  return kActorContext.contains(term);
}

bool is_country_context(std::string_view term) {
  return kCountryContext.contains(term);
}

bool is_group_suffix(std::string_view term) {
  return kGroupSuffixes.contains(term);
}

bool is_language_word(std::string_view term) {
  return kLanguageWords.contains(term);
}

bool is_organisation_word(std::string_view term) {
  return kOrganisationWords.contains(term);
}

}  // namespace dossier::analysis
