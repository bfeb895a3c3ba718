/// \file
/// What the indexer tests share: options for indexing one temporary folder into another.
#pragma once

#include "dossier/indexer/indexer.h"
#include "temp_dir.h"

namespace dossier::testing {

/// Options that index the folder `reports` into `index`/db.
inline indexer::IndexOptions options_for(const TempDir& reports, const TempDir& index) {
  indexer::IndexOptions options;
  options.database = index.path() / "db";
  options.roots = {reports.path()};
  return options;
}

}  // namespace dossier::testing
