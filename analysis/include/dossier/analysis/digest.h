/// \file
/// Content digests (XXH3-128) used for unique ids, long-term bounding and change detection.
#pragma once

#include <string>
#include <string_view>

namespace dossier::analysis {

/// Returns the XXH3 128-bit digest of `bytes` as 32 lower-case hex digits. Not cryptographic: it
/// identifies content and paths, it does not protect them.
std::string digest_hex(std::string_view bytes);

}  // namespace dossier::analysis
