// Fuzzes the saved-watch codec: any bytes read from the index's metadata either decode into a
// watch or are refused (nullopt), never a crash or another exception; a decoded watch encodes and
// decodes back to the same fields, and its checks run without throwing.
#include <string_view>

#include "dossier/analysis/watch.h"
#include "fuzz_support.h"

namespace {

bool same(const dossier::analysis::Watch& a, const dossier::analysis::Watch& b) {
  return a.name == b.name && a.query == b.query && a.countries == b.countries && a.actors == b.actors &&
         a.any == b.any && a.created == b.created && a.reported_until_ns == b.reported_until_ns &&
         a.last_run == b.last_run;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto watch = dossier::analysis::decode_watch(dossier::fuzz::as_text(data, size));
  if (!watch) return 0;
  (void)dossier::analysis::watch_problem(*watch);
  (void)dossier::analysis::watch_key(watch->name);
  const auto again = dossier::analysis::decode_watch(dossier::analysis::encode_watch(*watch));
  dossier::fuzz::require(again && same(*watch, *again), "a decoded watch round-trips through encode_watch");
  return 0;
}
