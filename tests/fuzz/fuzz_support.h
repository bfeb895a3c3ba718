/// \file
/// What every fuzz target shares: the libFuzzer entry point's signature, the input as text, and
/// invariant checks that abort (so libFuzzer and the corpus replay both report them as crashes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

/// The entry point each fuzz target defines (libFuzzer's contract): runs one input, returns 0.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace dossier::fuzz {

/// The fuzzer's bytes as a string view (no copy; valid during the call).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
  return {reinterpret_cast<const char*>(data), size};
}

/// Aborts with `what` on stderr when `condition` is false: a broken invariant is a finding.
inline void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

}  // namespace dossier::fuzz
