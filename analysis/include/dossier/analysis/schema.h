/// \file
/// The index schema shared by the indexer and the searcher: term prefixes, value slots and how
/// their contents are encoded. Nothing else in Dossier spells a prefix or a slot number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/document_date.h"

namespace dossier::analysis::schema {

// ---- Term prefixes (Xapian conventions where one exists) ---------------------------------------
// Unprefixed terms are the folded words of body and title, with positions (phrases, NEAR).

/// Stemmed form of a body or title word, no positions ("Zespionag").
inline constexpr std::string_view kStemPrefix = "Z";
/// Folded title word, with positions within the title.
inline constexpr std::string_view kTitlePrefix = "S";
/// Stemmed title word ("ZS" + stem).
inline constexpr std::string_view kTitleStemPrefix = "ZS";
/// Unique id of a document: digest of its absolute path (`unique_term`).
inline constexpr std::string_view kUniquePrefix = "Q";
/// File format: "Ttxt", "Tmd".
inline constexpr std::string_view kFormatPrefix = "T";
/// The formats a `T` term (and `kFormatSlot`) can name, the indexer's format names: what a
/// `type:` query may ask for.
inline constexpr std::string_view kFormatNames[] = {"txt", "md", "html", "pdf", "docx", "odt"};
/// A folded word of the document's path below its root, or of the root folder's name, for `path:`
/// queries.
inline constexpr std::string_view kPathPrefix = "P";
/// Language of the document: "L" + ISO 639-1 code ("Lno"), for `lang:` queries.
inline constexpr std::string_view kLanguagePrefix = "L";
/// A folded word of the author line, with positions, for `author:` queries.
inline constexpr std::string_view kAuthorPrefix = "A";
/// The root a document was found under: "XR" + `digest_hex` of the root's path.
inline constexpr std::string_view kRootPrefix = "XR";
/// A country the document names: "XC" + ISO code ("XCCN"). Filter term.
inline constexpr std::string_view kCountryPrefix = "XC";
/// An actor the document names: "XA" + actor id ("XAmss-cn"). Filter term.
inline constexpr std::string_view kActorPrefix = "XA";

// ---- Value slots ---------------------------------------------------------------------------------

/// Value slot numbers. Slots are part of the on-disk format: never renumber one.
enum ValueSlot : unsigned {
  kMtimeSlot = 0,        ///< modification time, nanoseconds since the epoch (`encode_int64`)
  kSizeSlot = 1,         ///< file size in bytes (`encode_int64`)
  kDigestSlot = 2,       ///< content digest, 32 hex digits
  kCountriesSlot = 3,    ///< the document's country codes, sorted, joined by `kSetSeparator` (facets)
  kActorsSlot = 4,       ///< the document's actor ids, sorted, joined by `kSetSeparator` (facets)
  kDateFirstSlot = 5,    ///< first day the document's date covers, "YYYYMMDD" (date filters, sorting)
  kDateLastSlot = 6,     ///< last day the document's date covers, "YYYYMMDD" (date filters)
  kYearSlot = 7,         ///< retired in schema "5" (was the date's year; now in `kFacetKeySlot`)
  kLanguageSlot = 8,     ///< retired in schema "5" (was the ISO 639-1 code; now in `kFacetKeySlot`)
  kFormatSlot = 9,       ///< retired in schema "5" (was the format name; now in `kFacetKeySlot`)
  kPathDigestSlot = 10,  ///< `digest_hex` of the absolute path (the unique term without its prefix)
  kRootSlot = 11,        ///< `digest_hex` of the root's absolute path
  /// when the document first entered the index, nanoseconds since the epoch (`encode_int64`);
  /// kept when its file is touched, renamed or changed
  kFirstIndexedSlot = 12,
  /// when the document's content last changed in the index (its first indexing included),
  /// nanoseconds since the epoch (`encode_int64`); kept when its file is only touched or renamed.
  /// Within one index, a later write has a later time: what watches compare against
  kChangedSlot = 13,
  /// the facets a document has one value of, together (`encode_facet_key`): its date's period,
  /// language and format. One value read per match counts the year, language and type facets and
  /// the timeline, and a remote shard's `ValueCountMatchSpy` ships one count per distinct
  /// combination (bounded by periods x languages x formats, not by matches)
  kFacetKeySlot = 14,
};

/// Separates the members of an entity set in a value slot; never part of a code or an id.
inline constexpr char kSetSeparator = '|';

// ---- Database metadata keys ----------------------------------------------------------------------

/// Schema version stored in the database metadata; a reader refuses an index it cannot read.
/// Raised whenever the terms, slots or metadata an incremental run relies on change: "2" added the
/// path-digest and root slots and the `XR` term (a "1" index would get duplicates); "3" indexes
/// the words and identifiers inside compounds with positions (file names, CVE ids in product
/// names), which an incremental run would never add to the unchanged files of a "2" index; "4"
/// added the first-indexed and changed slots, which the unchanged files of a "3" index lack; "5"
/// moved the year, language and format facets into `kFacetKeySlot` (a search reads one value per
/// match for them instead of four), which the unchanged files of a "4" index lack.
inline constexpr std::string_view kSchemaVersionKey = "dossier.schema";
inline constexpr std::string_view kSchemaVersion = "5";

/// "dossier.root." + root digest -> the root's absolute path.
inline constexpr std::string_view kRootKeyPrefix = "dossier.root.";
/// "dossier.failed." + path digest -> "size TAB mtime_ns TAB reason" of a file that failed: it is
/// retried only when its size or mtime changes.
inline constexpr std::string_view kFailedKeyPrefix = "dossier.failed.";
/// "dossier.loop." + path digest -> "root digest TAB reason" of a symbolic link skipped as a loop,
/// so that its warning is given once, not by every run.
inline constexpr std::string_view kLoopKeyPrefix = "dossier.loop.";
/// The last run's summary, a JSON object (the `index --json` fields plus "finished", ISO 8601 UTC).
inline constexpr std::string_view kLastRunKey = "dossier.last_run";
/// The languages of the indexed documents, joined by `kSetSeparator`: a query word is stemmed in
/// each of them.
inline constexpr std::string_view kLanguagesKey = "dossier.languages";
/// Digest of the gazetteer whose names and aliases are stored in the metadata below.
inline constexpr std::string_view kGazetteerDigestKey = "dossier.gazetteer";
/// "dossier.country." + code -> the country's name.
inline constexpr std::string_view kCountryKeyPrefix = "dossier.country.";
/// "dossier.actor." + id -> "name TAB kind TAB country".
inline constexpr std::string_view kActorKeyPrefix = "dossier.actor.";
/// "dossier.alias.country." + folded code, name or demonym -> country code.
inline constexpr std::string_view kCountryAliasKeyPrefix = "dossier.alias.country.";
/// "dossier.alias.actor." + folded id, name or alias -> actor ids joined by `kSetSeparator`.
inline constexpr std::string_view kActorAliasKeyPrefix = "dossier.alias.actor.";
/// "dossier.names.actor." + id -> the actor's alias keys (folded id, name, aliases) joined by
/// `kSetSeparator`: the reverse of the entries above, so a search finds an actor's other names
/// with one lookup instead of a scan of every alias key.
inline constexpr std::string_view kActorNamesKeyPrefix = "dossier.names.actor.";

/// "dossier.watch." + name -> the saved search as JSON (`analysis::encode_watch`).
inline constexpr std::string_view kWatchKeyPrefix = "dossier.watch.";

// ---- Helpers -------------------------------------------------------------------------------------

/// `prefix` + `term`.
std::string prefixed(std::string_view prefix, std::string_view term);

/// The unique id term of the document for `path` (the absolute path's bytes, any encoding).
std::string unique_term(std::string_view path);

/// Encodes a signed 64-bit integer so that byte order equals numeric order (for sorting and
/// range queries on value slots): 8 bytes, big-endian, sign bit flipped.
std::string encode_int64(std::int64_t value);

/// Joins sorted, de-duplicated `members` with `kSetSeparator` (the entity-set value format).
std::string encode_set(std::vector<std::string> members);

/// Splits an entity-set value back into its members (empty value: no members).
std::vector<std::string> decode_set(std::string_view value);

/// The facets of `kFacetKeySlot`, decoded.
struct FacetKey {
  /// "YYYYMM" for a date known to the month or the day, "YYYY" for a date known to the year only,
  /// "" for no date (`facet_period`)
  std::string period;
  std::string language;  ///< ISO 639-1 code, or "" when unknown
  std::string format;    ///< "txt", "md", "html", "pdf", "docx", "odt"

  friend bool operator==(const FacetKey&, const FacetKey&) = default;
};

/// The `FacetKey::period` of `date` (zero-padded: "0999" for the year 999).
std::string facet_period(const DocumentDate& date);

/// `period|language|format` (none of them holds `kSetSeparator`).
std::string encode_facet_key(const FacetKey& key);

/// Splits a `kFacetKeySlot` value; parts it lacks are "".
FacetKey decode_facet_key(std::string_view value);

/// Decodes `encode_int64`; `std::nullopt` when `bytes` is not 8 bytes long.
std::optional<std::int64_t> decode_int64(std::string_view bytes) noexcept;

}  // namespace dossier::analysis::schema
