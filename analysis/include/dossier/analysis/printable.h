/// \file
/// Makes untrusted text (file names, titles) safe to print on one terminal line.
#pragma once

#include <string>
#include <string_view>

namespace dossier::analysis {

/// Returns `bytes` as valid UTF-8 with every control character escaped: "\n", "\r", "\t", and
/// "\xNN" for the other C0 controls and DEL, "\u0080".."\u009f" for C1 controls. A backslash is
/// kept as it is. The result holds no byte that a terminal would act on (no ESC, no line break).
std::string printable(std::string_view bytes);

}  // namespace dossier::analysis
