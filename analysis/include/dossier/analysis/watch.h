/// \file
/// A saved search ("watch") kept with the index in the metadata `dossier.watch.<name>`: written
/// by the indexer (`watch add`, `watch remove`, the time of a run), read by the searcher.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis {

/// One saved search and how far its runs have got.
struct Watch {
  std::string name;                    ///< what the analyst calls it ("APT40 in Norway")
  std::string query;                   ///< in the query language; "" with a filter lists all
  std::vector<std::string> countries;  ///< as given to `--country`, each must match
  std::vector<std::string> actors;     ///< as given to `--actor`, each must match
  bool any = false;                    ///< any word may match (`--any`)
  std::string created;                 ///< when it was added, UTC ISO 8601
  /// Documents changed up to this time (nanoseconds since the epoch, as the changed slot) were
  /// reported by the last recorded run; unset: never run.
  std::optional<std::int64_t> reported_until_ns;
  std::string last_run;  ///< when the last recorded run printed, UTC ISO 8601; "" for never
};

/// Longest watch name, in bytes: the name is part of a metadata key, which Xapian limits.
inline constexpr std::size_t kMaxWatchNameBytes = 100;

/// Why `name` cannot name a watch ("" when it can): empty, longer than `kMaxWatchNameBytes`, not
/// UTF-8, or holding a control character (it is printed on terminals and in mail).
std::string watch_name_problem(std::string_view name);

/// Why `watch` cannot be saved ("" when it can): its name's problem, or nothing to match (no
/// query words and no country or actor), which would report every document of the index.
std::string watch_problem(const Watch& watch);

/// The metadata key of the watch called `name`.
std::string watch_key(std::string_view name);

/// The watch as one JSON object (the fields above; `reported_until_ns` null when unset).
std::string encode_watch(const Watch& watch);

/// Decodes `encode_watch`; nullopt for anything else (a damaged or foreign value). Unknown fields
/// are ignored, so that later versions may add some.
std::optional<Watch> decode_watch(std::string_view json);

}  // namespace dossier::analysis
