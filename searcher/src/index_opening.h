// Opening a Dossier index for reading, with the errors the CLI reports.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace dossier::searcher {

/// Opens the index at `path` for reading, trying again (up to 5 times) when a writer's commit
/// discards the revision being opened. Throws `IndexNotFoundError` when there is no readable
/// Dossier index of this schema version there, `SearchError` when it cannot be opened.
Xapian::Database open_index(const std::filesystem::path& path);

/// The paths joined by ", ", for messages about several shards.
std::string describe_indexes(const std::vector<std::filesystem::path>& paths);

}  // namespace dossier::searcher
