/// \file
/// The single writer of a Dossier database: replaces documents by unique id and commits in batches.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::indexer {

/// The database is being written by another process (Xapian's lock is held). The message names
/// the holder when Dossier's note beside the lock is trustworthy: "index DIR is locked by dossier
/// index (pid 1234 on host x, since 2026-12-02T10:00:00Z)".
class IndexLockedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The database cannot be created, opened or written (bad path, corrupt, disk full...).
class IndexWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// When pending changes are committed: whichever limit is reached first.
struct CommitPolicy {
  std::size_t max_documents = 1000;               ///< documents changed since the last commit
  std::size_t max_bytes = std::size_t{64} << 20;  ///< source bytes indexed since the last commit
};

/// Owns the `Xapian::WritableDatabase`. Creates the database (and missing parent folders) on first
/// use and records the schema version. Not thread-safe: one writer thread.
class IndexWriter {
 public:
  /// Opens or creates the database at `path`, waiting up to `wait` for another writer to let go of
  /// it (zero: not at all), and notes beside Xapian's lock that `command` in this process holds
  /// it (pid, host, since when; removed when the writer closes), since Xapian's lock names no
  /// holder. Throws `IndexLockedError` when another writer still holds it (naming it from its
  /// note, unless the note is stale), `IndexWriteError` when it cannot be opened or was written
  /// by an incompatible schema.
  IndexWriter(const std::filesystem::path& path, CommitPolicy policy,
              std::chrono::milliseconds wait = std::chrono::milliseconds(0),
              std::string command = "dossier index");
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// Adds `document`, or replaces the document that has `unique_term`. `source_bytes` counts
  /// towards the commit policy. Throws `IndexWriteError` when the database cannot be written, and
  /// `Xapian::InvalidArgumentError` when the document itself is unacceptable.
  void replace(const std::string& unique_term, const Xapian::Document& document, std::size_t source_bytes);

  /// Adds a new document; returns its id. Throws as `replace`.
  Xapian::docid add(const Xapian::Document& document, std::size_t source_bytes);

  /// Replaces the document with id `docid`. Throws as `replace`.
  void replace(Xapian::docid docid, const Xapian::Document& document, std::size_t source_bytes);

  /// Deletes the document with id `docid`. Throws `IndexWriteError`.
  void remove(Xapian::docid docid);

  /// The document with id `docid` as stored (to change its values). Throws `IndexWriteError`.
  Xapian::Document document(Xapian::docid docid) const;

  /// The database, to read what it holds (uncommitted changes included).
  const Xapian::Database& database() const noexcept { return database_; }

  /// Makes everything written so far durable and visible to readers. Throws `IndexWriteError`.
  void commit();

  /// The metadata value for `key` ("" when unset). Throws `IndexWriteError`.
  std::string metadata(const std::string& key) const;

  /// Sets (or, with an empty value, removes) a metadata entry; committed with the documents.
  /// Throws `IndexWriteError`.
  void set_metadata(const std::string& key, const std::string& value);

  /// Every metadata key starting with `prefix`. Throws `IndexWriteError`.
  std::vector<std::string> metadata_keys(const std::string& prefix) const;

  /// Documents in the database, including uncommitted changes.
  Xapian::doccount document_count() const { return database_.get_doccount(); }

 private:
  void counted(std::size_t source_bytes);
  void commit_if_due();

  std::filesystem::path path_;
  Xapian::WritableDatabase database_;
  CommitPolicy policy_;
  std::size_t pending_documents_ = 0;
  std::size_t pending_bytes_ = 0;
};

}  // namespace dossier::indexer
