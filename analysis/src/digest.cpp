#include "dossier/analysis/digest.h"

#include <xxhash.h>

#include <cstdio>

namespace dossier::analysis {

std::string digest_hex(std::string_view bytes) {
  const XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  char buffer[33];
  std::snprintf(buffer, sizeof buffer, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return std::string(buffer, 32);
}

}  // namespace dossier::analysis
