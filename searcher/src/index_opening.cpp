#include "index_opening.h"

#include <string>

#include "dossier/analysis/schema.h"
#include "dossier/searcher/search_errors.h"

namespace dossier::searcher {

namespace schema = analysis::schema;

namespace {

// A writer may commit, and free the blocks being read, while a reader opens the database; a new
// attempt reads the new revision. Xapian 1.4 (glass) checks a block's revision against its parent's,
// but a root block has no parent: when two commits reuse it while a reader opens, the reader finds
// a block of the wrong level and Xapian calls that DatabaseCorruptError ("Expected block 374 to be
// level 1, not 0", seen by tests/scripts/readers_during_writes_test.sh under ASan). A real
// corruption stays across attempts and is reported after the last one.
constexpr int kOpenAttempts = 5;

Xapian::Database open_once(const std::filesystem::path& path) {
  Xapian::Database database;
  try {
    database = Xapian::Database(path.string());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw IndexNotFoundError("no index at " + path.string() + " (" + e.get_msg() + ")");
  } catch (const Xapian::DatabaseModifiedError&) {
    throw;
  } catch (const Xapian::DatabaseCorruptError&) {
    throw;
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot open index " + path.string() + ": " + e.get_description());
  }
  const std::string version = database.get_metadata(std::string(schema::kSchemaVersionKey));
  // A writer creating the index has not committed its first batch yet.
  if (version.empty() && database.get_doccount() == 0) {
    throw IndexNotFoundError("no index at " + path.string() + " yet (it is being created)");
  }
  if (version != schema::kSchemaVersion) {
    throw IndexNotFoundError(path.string() + " is not a Dossier index this version can read (schema '" +
                             version + "')");
  }
  return database;
}

}  // namespace

Xapian::Database open_index(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) {
    throw IndexNotFoundError("no index at " + path.string() + " (create one with 'dossier index')");
  }
  for (int attempt = 1;; ++attempt) {
    try {
      return open_once(path);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kOpenAttempts) {
        throw SearchError("cannot open index " + path.string() +
                          ": it kept changing while it was opened; try again");
      }
    } catch (const Xapian::DatabaseCorruptError& e) {
      if (attempt == kOpenAttempts)
        throw SearchError("cannot open index " + path.string() + ": " + e.get_description());
    }
  }
}

std::string describe_indexes(const std::vector<std::filesystem::path>& paths) {
  std::string text;
  for (const auto& path : paths)
    text += (text.empty() ? "" : ", ") + path.string();
  return text;
}

}  // namespace dossier::searcher
