/// \file
/// Words around a name that tell what it names: context words for weak names, words for a group
/// after a group's name, words that make a country name part of a language's or an organisation's.
#pragma once

#include <string_view>

namespace dossier::analysis {

/// True when `term` (folded) near a weak actor name shows it is used as an actor's name ("Play
/// ransomware", "the Cobalt group", "attributed to", "intelligence").
bool is_actor_context(std::string_view term);

/// True when `term` (folded) near a weak country name shows it names the country ("the government
/// of Georgia", "Jordanian officials").
bool is_country_context(std::string_view term);

/// True when `term` (folded) following a threat group's name is still part of it ("Elfin Group",
/// "Babuk gang").
bool is_group_suffix(std::string_view term);

/// True when `term` (folded) following a demonym makes it name a language ("Russian-speaking").
bool is_language_word(std::string_view term);

/// True when `term` (folded), capitalised after a country's name, makes the name part of an
/// organisation's ("China Telecom", "British Airways", "Hong Kong Polytechnic University").
bool is_organisation_word(std::string_view term);

/// True when `term` (folded) makes a capitalised name an organisation's ("ministry", "agency",
/// "service", "bureau", "directorate", "parliament"...), not a technology's ("Domain Name System").
bool is_organisation_head(std::string_view term);

}  // namespace dossier::analysis
