#include "dossier/indexer/index_writer.h"

#include <unistd.h>

#include <system_error>
#include <thread>

#include "dossier/analysis/duration_text.h"
#include "dossier/analysis/schema.h"
#include "lock_holder.h"

namespace dossier::indexer {
namespace {

namespace schema = analysis::schema;

// How often a waiting writer tries the lock again.
constexpr std::chrono::milliseconds kLockRetry(100);

Xapian::WritableDatabase open_writable(const std::filesystem::path& path, std::chrono::milliseconds wait) {
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  if (error) throw IndexWriteError("cannot create " + path.parent_path().string() + ": " + error.message());
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (true) {
    try {
      return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      // Xapian raises the same error when the lock file cannot even be created (a read-only
      // folder): that is no other writer, and waiting would not help.
      if (e.get_msg().find("already locked") == std::string::npos) {
        throw IndexWriteError("cannot write index " + path.string() + ": " + e.get_msg());
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        // Xapian says the lock is held, so a note that passes `read_lock_holder`'s checks names
        // the holder; a stale one (a killed process's) is ignored.
        const auto holder = read_lock_holder(path);
        throw IndexLockedError("index " + path.string() + " is locked by " +
                               (holder ? describe(*holder) : "another writer") +
                               (wait.count() > 0 ? " (waited " + analysis::seconds_text(wait) + ")" : ""));
      }
      std::this_thread::sleep_for(kLockRetry);
    } catch (const Xapian::Error& e) {
      throw IndexWriteError("cannot open index " + path.string() + ": " + e.get_description());
    }
  }
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& path, CommitPolicy policy,
                         std::chrono::milliseconds wait, std::string command)
    : path_(path), database_(open_writable(path, wait)), policy_(policy) {
  try {
    const std::string version = database_.get_metadata(std::string(schema::kSchemaVersionKey));
    if (version.empty() && database_.get_doccount() == 0) {
      database_.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
    } else if (version != schema::kSchemaVersion) {
      throw IndexWriteError("index " + path.string() + " has schema version '" + version +
                            "', this Dossier writes '" + std::string(schema::kSchemaVersion) +
                            "': move it away (or use another --db) and index again");
    }
  } catch (const Xapian::Error& e) {
    throw IndexWriteError("cannot read index " + path.string() + ": " + e.get_description());
  }
  // Noted once this writer is sure to go on: one refused for its schema leaves no note.
  record_lock_holder(path_, this_process(std::move(command)));
}

IndexWriter::~IndexWriter() {
  // While the lock is still held: a holder's note never outlives it, except after a crash.
  clear_lock_holder(path_, ::getpid());
}

void IndexWriter::replace(const std::string& unique_term, const Xapian::Document& document,
                          std::size_t source_bytes) {
  try {
    database_.replace_document(unique_term, document);
  } catch (const Xapian::InvalidArgumentError&) {
    throw;  // this document's fault, not the database's
  } catch (const Xapian::Error& e) {
    throw IndexWriteError("cannot write index: " + e.get_description());
  }
  counted(source_bytes);
}

Xapian::docid IndexWriter::add(const Xapian::Document& document, std::size_t source_bytes) {
  Xapian::docid docid = 0;
  try {
    docid = database_.add_document(document);
  } catch (const Xapian::InvalidArgumentError&) {
    throw;
  } catch (const Xapian::Error& e) {
    throw IndexWriteError("cannot write index: " + e.get_description());
  }
  counted(source_bytes);
  return docid;
}

void IndexWriter::replace(Xapian::docid docid, const Xapian::Document& document, std::size_t source_bytes) {
  try {
    database_.replace_document(docid, document);
  } catch (const Xapian::InvalidArgumentError&) {
    throw;
  } catch (const Xapian::Error& e) {
    throw IndexWriteError("cannot write index: " + e.get_description());
  }
  counted(source_bytes);
}

void IndexWriter::remove(Xapian::docid docid) {
  try {
    database_.delete_document(docid);
  } catch (const Xapian::Error& e) {
    throw IndexWriteError("cannot write index: " + e.get_description());
  }
  counted(0);
}

Xapian::Document IndexWriter::document(Xapian::docid docid) const {
  try {
    return database_.get_document(docid);
  } catch (const Xapian::Error& e) {
    throw IndexWriteError("cannot read index: " + e.get_description());
  }
}

void IndexWriter::counted(std::size_t source_bytes) {
  ++pending_documents_;
  pending_bytes_ += source_bytes;
  commit_if_due();
}

void IndexWriter::commit() {
  try {
    database_.commit();
  } catch (const Xapian::Error& e) {
    throw IndexWriteError("cannot commit index: " + e.get_description());
  }
  pending_documents_ = 0;
  pending_bytes_ = 0;
}

std::string IndexWriter::metadata(const std::string& key) const {
  try {
    return database_.get_metadata(key);
  } catch (const Xapian::Error& e) {
    throw IndexWriteError("cannot read index metadata: " + e.get_description());
  }
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
  try {
    database_.set_metadata(key, value);
  } catch (const Xapian::Error& e) {
    throw IndexWriteError("cannot write index metadata: " + e.get_description());
  }
}

std::vector<std::string> IndexWriter::metadata_keys(const std::string& prefix) const {
  std::vector<std::string> keys;
  try {
    for (auto it = database_.metadata_keys_begin(prefix); it != database_.metadata_keys_end(prefix); ++it) {
      keys.push_back(*it);
    }
  } catch (const Xapian::Error& e) {
    throw IndexWriteError("cannot read index metadata: " + e.get_description());
  }
  return keys;
}

void IndexWriter::commit_if_due() {
  if (pending_documents_ >= policy_.max_documents || pending_bytes_ >= policy_.max_bytes) commit();
}

}  // namespace dossier::indexer
