/// \file
/// Runs queries against a Dossier index (or several shards) and returns ranked hits with snippets
/// and exact facets; shows one document's stored details.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/document_date.h"
#include "dossier/analysis/document_record.h"
#include "dossier/analysis/entity_report.h"
#include "dossier/analysis/watch.h"
#include "dossier/searcher/actor_kinds.h"
#include "dossier/searcher/entity_directory.h"
#include "dossier/searcher/entity_listing.h"
#include "dossier/searcher/explain.h"
#include "dossier/searcher/facets.h"
#include "dossier/searcher/marked_text.h"
#include "dossier/searcher/match_terms.h"
#include "dossier/searcher/query_builder.h"
#include "dossier/searcher/snippet.h"
#include "dossier/searcher/timeline.h"

namespace dossier::searcher {

/// How the words of a query combine when no operator joins them.
enum class MatchMode {
  All,  ///< every word must match (default)
  Any,  ///< any word may match, documents with more of them rank higher (long natural-language queries)
};

/// How hits are ordered.
enum class SortOrder {
  Relevance,  ///< best BM25 score first (default)
  Date,       ///< newest first; documents without a date last, then by relevance
};

struct SearchHit;

/// A span of index times (nanoseconds since the epoch, as the first-indexed and changed slots
/// hold them): after `after` (excluded), up to `until` (included).
struct TimeSpan {
  std::int64_t after = std::numeric_limits<std::int64_t>::min();
  std::int64_t until = std::numeric_limits<std::int64_t>::max();
};

/// One search.
struct SearchRequest {
  std::string query;       ///< in Dossier's query language; "*" (or "" when a filter is given) lists all
  std::size_t limit = 10;  ///< hits to return; 0 returns only the total and facets
  std::size_t offset = 0;  ///< hits to skip, for paging
  MatchMode mode = MatchMode::All;
  std::vector<std::string> countries;  ///< keep documents naming each of these (code, name or demonym)
  std::vector<std::string> actors;     ///< keep documents naming each of these (id, name or alias)
  /// Keep documents naming at least one actor of any of these kinds (`parse_actor_kinds`), and show
  /// only actors of these kinds in the actor facet; empty: every kind.
  std::vector<analysis::ActorKind> actor_kinds;
  std::optional<analysis::DocumentDate> since;  ///< keep documents whose date starts on or after this
  std::optional<analysis::DocumentDate> until;  ///< keep documents whose date ends on or before this
  std::vector<std::string> languages;  ///< keep documents in any of these languages (code or English name)
  std::vector<std::string> types;      ///< keep documents of any of these formats ("pdf", "md"...)
  /// Keep only documents without a date (the "no date" bar of a timeline); with `since` or
  /// `until` nothing matches.
  bool undated_only = false;
  /// Keep documents that first entered the index within this span (watches: what is new).
  std::optional<TimeSpan> first_indexed;
  /// Keep documents whose content last changed within this span (watches: what changed).
  std::optional<TimeSpan> changed;
  SortOrder sort = SortOrder::Relevance;
  std::size_t facet_limit = 20;  ///< values per facet; 0 for all
  SnippetOptions snippet;
  /// A query word, or juxtaposed words, naming an actor (any alias: `APT28`, `Fancy Bear`) also
  /// match the documents tagged with that actor; quoted phrases stay exact; false matches only
  /// what is written (`--exact`).
  bool expand_aliases = true;
  /// When set, rank documents by likeness to the indexed document at this path (relevance feedback
  /// from its most telling terms), which is left out of the results; the query, if any, must match
  /// too. Throws `DocumentNotFoundError` when the path is not indexed.
  std::optional<std::filesystem::path> like;
  /// Look for a spelling correction of the query's rare words (see `suggest_query`).
  bool suggest = true;
  /// Fill `SearchResult::parsed_query`, `xapian_query`, `like_terms` and each hit's `explanation`.
  bool explain = false;
  /// A time budget for matching (the part whose cost grows with the index: every match is
  /// examined for exact counts); zero for none. Past it, Xapian stops matching and the search
  /// throws `SearchTimeoutError` rather than return counts that are not exact.
  std::chrono::milliseconds time_limit{0};
  /// Fill `SearchResult::timeline`: every match counted by the month of its date.
  bool timeline = false;
  /// When set, each hit is handed to this function as soon as it is made, in rank order, and
  /// `SearchResult::hits` stays empty: a caller can print every match of a large result without
  /// holding them all. A commit that forces a retry after some hits were handed over throws
  /// `SearchError` (the hits already handed over would come twice).
  std::function<void(SearchHit&&)> on_hit;
  /// Make each hit's snippet (and its page); false leaves them empty, for output that shows none
  /// (a list of paths), which then costs no text analysis per hit.
  bool snippets = true;
};

/// One ranked document.
struct SearchHit {
  std::size_t rank = 0;  ///< 1-based over the whole result list (offset included)
  /// The document's id in the index (in the shards searched together, in this order): stable
  /// while the document stays indexed, and what `Searcher::show(Xapian::docid)` takes.
  Xapian::docid id = 0;
  double score = 0.0;  ///< BM25 weight; only comparable within one result list
  std::string path;    ///< absolute path as stored (may be non-UTF-8)
  std::string title;
  Snippet snippet;
  std::vector<std::string> countries;  ///< codes of the countries the document names, most mentioned first
  std::vector<std::string> actors;     ///< names of the actors the document names, most mentioned first
  std::string format;                  ///< "txt", "pdf"...
  std::string date;                    ///< ISO date at its precision, "" when unknown
  std::string author;                  ///< "" when unknown
  std::string language;                ///< ISO 639-1 code, "" when unknown
  std::size_t page = 0;                ///< page of the snippet for paginated formats (PDF), else 0
  /// Names the document uses for an actor a query word was expanded to ("Fancy Bear" for `APT28`),
  /// as the tagger found them; empty when no alias expansion applied.
  std::vector<std::string> matched_aliases;
  /// With `SearchRequest::explain`: the query terms it contains, wildcard expansions included.
  std::vector<TermWeight> explanation;
};

/// The answer to a `SearchRequest`.
struct SearchResult {
  std::string query;       ///< the query as given
  std::size_t total = 0;   ///< exact number of matching documents
  std::size_t offset = 0;  ///< as requested
  std::vector<SearchHit> hits;
  Facets facets;  ///< exact over all matches, not only the hits shown
  /// A corrected query ("espionage" for "espionnage") when a word of it is in fewer than
  /// `kRareWord` documents and has a more frequent near neighbour in the index (`suggest_query`:
  /// never for names, acronyms or the word's own stem); "" otherwise. Never applied.
  std::string suggestion;
  std::string parsed_query;          ///< with `explain`: the syntax tree (`to_string`), "" for `like` alone
  std::string xapian_query;          ///< with `explain`: the Xapian query run (`Query::get_description`)
  std::optional<Timeline> timeline;  ///< with `SearchRequest::timeline`
  /// With `explain` and `like`: the terms taken from the document to find its likes, best first.
  std::vector<std::string> like_terms;
};

/// One indexed document as stored.
struct DocumentView {
  analysis::DocumentRecord record;  ///< path, title, format, size, mtime, digest (text included)
  analysis::EntityReport entities;  ///< names resolved
};

/// A read-only view of one index, or of several shards searched as one. Opening is cheap enough
/// to do per command.
///
/// Not thread-safe (it owns `Xapian::Database` handles); use one per thread.
class Searcher {
 public:
  /// Opens the index at `database`. Throws `IndexNotFoundError` when there is no readable Dossier
  /// index there.
  explicit Searcher(const std::filesystem::path& database);

  /// Opens several indexes (shards of one corpus) to search them together; counts and facets are
  /// over all of them. Throws `IndexNotFoundError` for any that is not a readable Dossier index,
  /// `SearchError` when the list is empty.
  explicit Searcher(const std::vector<std::filesystem::path>& databases);

  /// Runs `request` on the latest committed state of the index. The total and facets are exact
  /// (every match is counted). When a writer commits while the search runs, the search is
  /// retried. Throws `QuerySyntaxError` for an invalid query (an empty one is invalid unless a
  /// filter is given), `UnknownEntityError` for a country, actor or language the index does not
  /// know, `SearchError` when the index cannot be read.
  SearchResult search(const SearchRequest& request);

  /// The stored details of the document indexed from `path` (made absolute). Throws
  /// `DocumentNotFoundError` when no document has that path.
  DocumentView show(const std::filesystem::path& path);

  /// The stored details of document `id` (a `SearchHit::id`), read from the latest commit.
  /// Throws `DocumentNotFoundError` when no document has that id.
  DocumentView show(Xapian::docid id);

  /// The committed state the searcher reads, after reopening the index on its latest commit: the
  /// same text means the same documents (each shard's UUID and revision), so an answer computed
  /// under it can be given again while it holds. "" when an index cannot say (not on disk).
  std::string revision();

  /// The countries or actors the index knows whose names start with `request.prefix`, with the
  /// number of documents naming each (see `list_entities`).
  std::vector<FacetValue> entities(const EntityListRequest& request);

  /// The text of the document indexed from `path`, page by page, with every match of `query` (in
  /// the query language; blank: none) marked as a search's snippets mark them: its words, stems,
  /// phrases and wildcards, and the names this document uses for an actor a query word names.
  /// Throws `DocumentNotFoundError` as `show`, `QuerySyntaxError` and `UnknownEntityError` as
  /// `search`.
  MarkedText text(const std::filesystem::path& path, const std::string& query);

  /// The same for document `id` (a `SearchHit::id`), read from the latest commit, marking what
  /// `request.query` matches as `request` would search it (its mode and alias expansion; its
  /// filters play no part). Throws `DocumentNotFoundError` as `show(Xapian::docid)`.
  MarkedText text(Xapian::docid id, const SearchRequest& request);

  /// The ids of every document `request` matches (its query and filters; paging, order, facets,
  /// snippets, `on_hit` and `time_limit` play no part), ascending and unranked, so costing no
  /// document read: for a document x query matrix. Reopens the index on its latest commit,
  /// retries and throws as `search`.
  std::vector<Xapian::docid> match_ids(const SearchRequest& request);

  /// The stored path of each of `ids`, in order, read from the commit the last `search` or
  /// `match_ids` read (the index is not reopened, so the ids it gave are there); nullopt when a
  /// writer has committed since and an id is gone or that commit can no longer be read (match
  /// again). Throws `SearchError` when the index cannot be read.
  std::optional<std::vector<std::string>> paths(const std::vector<Xapian::docid>& ids);

  /// The saved watches of the index, sorted by name, in its latest committed state; one whose
  /// stored value cannot be read is left out. Throws `SearchError` when the index cannot be read.
  std::vector<analysis::Watch> watches();

  /// The latest changed time any document of the index has had (an upper bound: a deleted
  /// document's time may count), in its latest committed state; nullopt for an index that never
  /// held a document. Within one index a later write has a later time, so every document written
  /// after this was read has a later one. Throws `SearchError` when the index cannot be read.
  std::optional<std::int64_t> latest_change();

 private:
  SearchResult run(const SearchRequest& request);
  Xapian::Query filters(const SearchRequest& request) const;
  Xapian::docid document_for(const std::filesystem::path& path);
  DocumentView view_of(Xapian::docid id);
  MarkedText marked(Xapian::docid id, const SearchRequest& request);
  BuiltQuery build(const SearchRequest& request, const std::string& text, SearchResult& result);
  BuiltQuery filtered(const SearchRequest& request, SearchResult& result);
  SearchHit hit_for(const Xapian::MSetIterator& match, const BuiltQuery& built, const SearchRequest& request);
  MatchTerms highlighted(const BuiltQuery& built, const std::vector<std::string>& surfaces) const;
  analysis::EntityReport entity_report(const analysis::DocumentRecord& record) const;

  std::string description_;  // the database path(s), for messages
  std::vector<Xapian::Database> shards_;
  Xapian::Database database_;  // all shards together
  EntityDirectory directory_;
  analysis::Analyzer analyzer_;
};

}  // namespace dossier::searcher
