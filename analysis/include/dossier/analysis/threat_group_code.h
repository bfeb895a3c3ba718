/// \file
/// Recognises the codes vendors give threat groups ("TA574", "UNC2452", "Storm-0558").
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "dossier/analysis/analyzer.h"

namespace dossier::analysis {

/// When `tokens[first]` (with the next token, for hyphenated codes) is a threat group's code in
/// one of the naming schemes vendors use, returns how many tokens it spans (1 or 2); otherwise 0.
/// Schemes, matched in exact case: `TA` + 3-4 digits (Proofpoint; not `TA0` + 3 digits, ATT&CK's
/// tactic ids), `UNC` + 3-5 digits (Mandiant),
/// `APT` + 1-3 digits, `FIN` + 1-2 digits, `TEMP.Name` (FireEye), `DEV-` / `Storm-` + 2-4 digits
/// (Microsoft), `TAG-` + 2-4 digits (Recorded Future), `UAC-` + 2-4 digits (CERT-UA), `G` + 4 digits (MITRE
/// ATT&CK). Costs one comparison for most words.
std::size_t threat_group_code(std::string_view text, const std::vector<Token>& tokens, std::size_t first);

}  // namespace dossier::analysis
