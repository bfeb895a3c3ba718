/// \file
/// Loads the gazetteer a run uses: the built-in data plus users' watchlist files.
#pragma once

#include <filesystem>
#include <vector>

#include "dossier/analysis/gazetteer.h"

namespace dossier::indexer {

/// The built-in gazetteer plus the watchlists in `files` (actors format, see `GazetteerSources`),
/// read in order. Throws `analysis::GazetteerError` naming the file when one cannot be read or is
/// malformed.
analysis::Gazetteer load_gazetteer(const std::vector<std::filesystem::path>& files);

}  // namespace dossier::indexer
