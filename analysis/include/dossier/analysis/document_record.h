/// \file
/// The document data stored with each indexed document: what a search result shows (path, title,
/// stored text for snippets) and what an incremental run compares (size, mtime, digest).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::analysis {

/// An entity as stored with a document: its id, how often the document names it, and how.
struct RecordedEntity {
  std::string id;  ///< country code or actor id
  std::uint64_t mentions = 0;
  std::vector<std::string> surfaces;  ///< the exact strings matched
  friend bool operator==(const RecordedEntity&, const RecordedEntity&) = default;
};

/// Everything stored about one document besides its terms and values.
struct DocumentRecord {
  std::string path;            ///< absolute path, as the bytes the file system gave (may be non-UTF-8)
  std::string title;           ///< UTF-8, one line
  std::string format;          ///< "txt", "md"
  std::uint64_t size = 0;      ///< file size in bytes
  std::int64_t mtime_ns = 0;   ///< modification time, nanoseconds since the epoch
  std::string content_digest;  ///< `digest_hex` of the file's bytes
  std::string text;            ///< extracted text (UTF-8), kept for snippets
  std::string author;          ///< one line, "" when unknown
  std::string date;            ///< ISO date at its precision ("2024-03"), "" when unknown
  std::string description;     ///< one line
  std::vector<std::string> keywords;
  std::string canonical_url;
  std::string language;                    ///< ISO 639-1 code, "" when unknown
  std::vector<std::uint64_t> page_starts;  ///< byte offsets in `text` where page 2, 3... begin
  std::vector<RecordedEntity> countries;   ///< most mentioned first
  std::vector<RecordedEntity> actors;      ///< most mentioned first
};

/// Serialises `record` in Dossier's record format: a magic byte and version, then tagged,
/// length-prefixed fields, so that a newer reader can skip fields it does not know.
std::string encode_record(const DocumentRecord& record);

/// The path of an encoded record, without decoding the rest (the text may be large). Throws
/// `std::runtime_error` when the data is not a Dossier record.
std::string decode_record_path(std::string_view data);

/// Parses `encode_record` output. Unknown fields are skipped. Throws `std::runtime_error` when the
/// data is not a Dossier record or is truncated.
DocumentRecord decode_record(std::string_view data);

}  // namespace dossier::analysis
