#include "dossier/searcher/searcher.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <system_error>

#include "dossier/analysis/duration_text.h"
#include "dossier/analysis/printable.h"
#include "dossier/analysis/schema.h"
#include "dossier/searcher/query_builder.h"
#include "dossier/searcher/query_parser.h"
#include "dossier/searcher/search_errors.h"
#include "dossier/searcher/similar.h"
#include "dossier/searcher/spelling.h"
#include "index_opening.h"
#include "latest_commit.h"

namespace dossier::searcher {
namespace {

namespace schema = analysis::schema;

std::vector<Xapian::Database> open_all(const std::vector<std::filesystem::path>& paths) {
  if (paths.empty()) throw SearchError("no index given");
  std::vector<Xapian::Database> shards;
  for (const auto& path : paths)
    shards.push_back(open_index(path));
  return shards;
}

Xapian::Database combined(const std::vector<Xapian::Database>& shards) {
  Xapian::Database all;
  for (const Xapian::Database& shard : shards)
    all.add_database(shard);
  return all;
}

// The documents whose time in `slot` lies within `times`.
Xapian::Query time_span_query(const TimeSpan& times, unsigned slot) {
  // An empty span matches nothing; Xapian's MatchNothing is an empty query, which a filter drops.
  if (times.after >= times.until)
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, Xapian::Query::MatchAll);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, schema::encode_int64(times.after + 1),
                       schema::encode_int64(times.until));
}

std::vector<std::string> ids_of(const std::vector<analysis::RecordedEntity>& entities) {
  std::vector<std::string> ids;
  for (const auto& entity : entities)
    ids.push_back(entity.id);
  return ids;
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& database)
    : Searcher(std::vector<std::filesystem::path>{database}) {}

Searcher::Searcher(const std::vector<std::filesystem::path>& databases)
    : description_(describe_indexes(databases)),
      shards_(open_all(databases)),
      database_(combined(shards_)),
      directory_(shards_) {}

SearchResult Searcher::search(const SearchRequest& request) {
  // Hits handed to the caller cannot be taken back: once some are, a retry would repeat them.
  std::size_t handed = 0;
  SearchRequest counted = request;
  if (request.on_hit) {
    counted.on_hit = [&handed, &request](SearchHit&& hit) {
      ++handed;
      request.on_hit(std::move(hit));
    };
  }
  for (int attempt = 1;; ++attempt) {
    try {
      // Each search sees the latest commit; a commit during the search is retried below.
      database_.reopen();
      for (Xapian::Database& shard : shards_)
        shard.reopen();
      return run(counted);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (handed > 0) throw SearchError("the index changed while the hits were listed; run the search again");
      if (attempt == kMaxAttempts) throw SearchError("the index kept changing during the search; try again");
    } catch (const Xapian::Error& e) {
      throw SearchError("cannot search " + description_ + ": " + e.get_description());
    }
  }
}

// --country, --actor (each value must match; a value naming several entities matches any),
// --actor-kind (any of the kinds), --since and --until.
Xapian::Query Searcher::filters(const SearchRequest& request) const {
  std::vector<Xapian::Query> required;
  const auto add = [&required](const std::vector<std::string>& ids, std::string_view prefix) {
    std::vector<Xapian::Query> terms;
    for (const std::string& id : ids)
      terms.emplace_back(schema::prefixed(prefix, id));
    required.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
  };
  for (const std::string& country : request.countries)
    add(directory_.resolve_country(country), schema::kCountryPrefix);
  for (const std::string& actor : request.actors)
    add(directory_.resolve_actor(actor), schema::kActorPrefix);
  if (!request.actor_kinds.empty())
    required.push_back(actor_kind_query(database_, directory_, request.actor_kinds));
  if (request.since || request.until) {
    required.push_back(date_range_query(request.since ? request.since->first_day() : 0,
                                        request.until ? request.until->last_day() : 0));
  }
  // A document has one language and one format: several values mean any of them.
  std::vector<std::string> languages;
  for (const std::string& language : request.languages)
    languages.push_back(directory_.resolve_language(language));
  if (!languages.empty()) add(languages, schema::kLanguagePrefix);
  std::vector<std::string> types;
  for (const std::string& type : request.types)
    types.push_back(analyzer_.fold(type));
  if (!types.empty()) add(types, schema::kFormatPrefix);
  if (request.first_indexed)
    required.push_back(time_span_query(*request.first_indexed, schema::kFirstIndexedSlot));
  if (request.changed) required.push_back(time_span_query(*request.changed, schema::kChangedSlot));
  if (required.empty() && !request.undated_only) return {};
  Xapian::Query all = required.empty()
                          ? Xapian::Query::MatchAll
                          : Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
  // date_range_query(0, 0) is every dated document.
  if (request.undated_only) all = Xapian::Query(Xapian::Query::OP_AND_NOT, all, date_range_query(0, 0));
  return all;
}

namespace {

// The page (1-based) holding byte `offset` of a text whose pages 2, 3... start at `page_starts`.
std::size_t page_of(const std::vector<std::uint64_t>& page_starts, std::size_t offset) {
  return static_cast<std::size_t>(std::upper_bound(page_starts.begin(), page_starts.end(), offset) -
                                  page_starts.begin()) +
         1;
}

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// What `record` was tagged with for the actors in `ids`: the names as written in it.
std::vector<std::string> alias_surfaces(const analysis::DocumentRecord& record,
                                        const std::vector<std::string>& ids) {
  std::vector<std::string> surfaces;
  for (const auto& actor : record.actors) {
    if (std::find(ids.begin(), ids.end(), actor.id) == ids.end()) continue;
    for (const std::string& surface : actor.surfaces) {
      if (std::find(surfaces.begin(), surfaces.end(), surface) == surfaces.end()) surfaces.push_back(surface);
    }
  }
  return surfaces;
}

std::string absolute_path(const std::filesystem::path& path) {
  return std::filesystem::absolute(path).lexically_normal().string();
}

}  // namespace

// What to mark in a document: the query's terms, and the names the document uses (`surfaces`) for
// an actor a query word was expanded to.
MatchTerms Searcher::highlighted(const BuiltQuery& built, const std::vector<std::string>& surfaces) const {
  MatchTerms terms = built.match_terms;
  for (const std::string& surface : surfaces) {
    std::vector<std::string> words;
    for (const analysis::Token& token : analyzer_.analyze(surface, "none")) {
      if (token.role == analysis::TokenRole::Primary) words.push_back(token.term);
    }
    if (words.size() == 1) terms.terms.insert(words.front());
    if (words.size() > 1) terms.phrases.push_back(std::move(words));
  }
  return terms;
}

SearchHit Searcher::hit_for(const Xapian::MSetIterator& match, const BuiltQuery& built,
                            const SearchRequest& request) {
  analysis::DocumentRecord record = analysis::decode_record(match.get_document().get_data());
  SearchHit hit;
  hit.score = match.get_weight();
  hit.id = *match;
  hit.matched_aliases = alias_surfaces(record, built.alias_actors);
  const MatchTerms terms = highlighted(built, hit.matched_aliases);
  const std::string language =
      record.language.empty() ? analyzer_.options().default_language : record.language;
  if (request.snippets) {
    hit.snippet = make_snippet(record.text, terms, analyzer_, request.snippet, language);
    if (!record.page_starts.empty()) hit.page = page_of(record.page_starts, hit.snippet.anchor);
  }
  hit.countries = ids_of(record.countries);
  for (const auto& actor : record.actors)
    hit.actors.push_back(directory_.actor(actor.id).name);
  hit.path = std::move(record.path);
  hit.title = std::move(record.title);
  hit.format = std::move(record.format);
  hit.date = std::move(record.date);
  hit.author = std::move(record.author);
  hit.language = std::move(record.language);
  return hit;
}

// The query of `request`: its text, its `like` document, or both. Sets `result.parsed_query` when
// the request asks for an explanation.
BuiltQuery Searcher::build(const SearchRequest& request, const std::string& text, SearchResult& result) {
  BuiltQuery built;
  if (!is_blank(text) || !request.like) {
    const QueryNode tree = parse_query(text);
    built = build_query(
        tree, QueryContext{analyzer_, directory_,
                           request.mode == MatchMode::All ? DefaultOperator::And : DefaultOperator::Or,
                           directory_.languages(), request.expand_aliases, kDefaultTitleWeight, &database_});
    if (request.explain) result.parsed_query = to_string(tree);
  }
  if (request.like) {
    const std::string self = schema::unique_term(absolute_path(*request.like));
    std::vector<std::string> terms = similar_terms(database_, document_for(*request.like));
    Xapian::Query like = similar_query(terms, self);
    if (request.explain) result.like_terms = std::move(terms);
    if (like.empty())
      like = Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, Xapian::Query(self));
    built.query = built.query.empty() ? like : Xapian::Query(Xapian::Query::OP_AND, built.query, like);
  }
  return built;
}

// The whole query of `request`: `build`'s, within its filters. Sets `result.xapian_query` when
// the request asks for an explanation.
BuiltQuery Searcher::filtered(const SearchRequest& request, SearchResult& result) {
  const Xapian::Query filter = filters(request);
  // With a filter, an empty query lists what passes it.
  const bool list_all = is_blank(request.query) && !filter.empty() && !request.like;
  BuiltQuery built = build(request, list_all ? std::string("*") : request.query, result);
  if (!filter.empty()) built.query = Xapian::Query(Xapian::Query::OP_FILTER, built.query, filter);
  if (request.explain) result.xapian_query = built.query.get_description();
  return built;
}

SearchResult Searcher::run(const SearchRequest& request) {
  SearchResult result;
  result.query = request.query;
  result.offset = request.offset;
  const BuiltQuery built = filtered(request, result);
  Xapian::Enquire enquire(database_);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  if (request.sort == SortOrder::Date) enquire.set_sort_by_value_then_relevance(schema::kDateFirstSlot, true);
  // Value streams need one database's document ids; several shards (and, later, remote ones) are
  // counted by Xapian's own spies.
  FacetCounter facets(shards_.size() == 1 ? FacetSource::ValueStreams : FacetSource::MatchSpies);
  facets.attach(enquire);
  // Examining every match makes the total and the facets exact rather than estimates.
  if (request.time_limit.count() > 0)
    enquire.set_time_limit(std::chrono::duration<double>(request.time_limit).count());
  const auto started = std::chrono::steady_clock::now();
  const Xapian::MSet mset =
      enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                       static_cast<Xapian::doccount>(request.limit), database_.get_doccount());
  // Xapian does not say whether its time limit cut the match short; a match that lasted that long
  // may have been, and its counts are then not exact.
  if (request.time_limit.count() > 0 && std::chrono::steady_clock::now() - started >= request.time_limit) {
    throw SearchTimeoutError("the search took longer than its time budget (--timeout " +
                             analysis::seconds_text(request.time_limit) +
                             "); its counts would not be exact: narrow the query or allow more time");
  }
  result.total = mset.get_matches_estimated();
  facets.count(database_);
  result.facets = facets.result(directory_, request.facet_limit, request.actor_kinds);
  if (request.timeline) result.timeline = facets.timeline(result.total);
  // Each rare word is looked at, whatever the filters and the other words made of the total.
  if (request.suggest && !is_blank(request.query)) {
    const SpellingContext spelling{database_, analyzer_, directory_.languages(), &directory_};
    result.suggestion = suggest_query(spelling, request.query, parse_query(request.query)).value_or("");
  }
  std::set<std::string> expanded;  // what the query's wildcards stood for, to explain hits
  for (const std::string& pattern : request.explain ? built.wildcards : std::vector<std::string>{})
    expanded.merge(wildcard_expansion(database_, pattern, kWildcardLimit));
  std::size_t rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SearchHit hit = hit_for(it, built, request);
    hit.rank = ++rank;
    if (request.explain)
      hit.explanation = explain_match(database_, enquire, *it, schema::unique_term(hit.path), expanded);
    if (request.on_hit) {
      request.on_hit(std::move(hit));
    } else {
      result.hits.push_back(std::move(hit));
    }
  }
  return result;
}

analysis::EntityReport Searcher::entity_report(const analysis::DocumentRecord& record) const {
  analysis::EntityReport report;
  for (const auto& c : record.countries) {
    report.countries.push_back({c.id, directory_.country_name(c.id), c.mentions, c.surfaces});
  }
  for (const auto& a : record.actors) {
    const analysis::Actor actor = directory_.actor(a.id);
    report.actors.push_back({a.id, actor.name, actor.kind, actor.country, a.mentions, a.surfaces});
  }
  return report;
}

Xapian::docid Searcher::document_for(const std::filesystem::path& path) {
  const std::string absolute = absolute_path(path);
  const std::string id = schema::unique_term(absolute);
  const auto posting = database_.postlist_begin(id);
  if (posting == database_.postlist_end(id)) {
    throw DocumentNotFoundError("not in the index: " + analysis::printable(absolute));
  }
  return *posting;
}

DocumentView Searcher::show(const std::filesystem::path& path) {
  try {
    database_.reopen();
    return view_of(document_for(path));
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot read " + description_ + ": " + e.get_description());
  }
}

namespace {

// `read()` of document `id` from the latest commit, retried when a writer commits meanwhile; a
// docid no document has is `DocumentNotFoundError`.
template <typename Read>
auto read_document(Xapian::Database& database, Xapian::docid id, const std::string& description, Read read) {
  for (int attempt = 1;; ++attempt) {
    try {
      database.reopen();
      return read();
    } catch (const Xapian::DocNotFoundError&) {
      throw DocumentNotFoundError("no document with id " + std::to_string(id) + " in the index");
    } catch (const Xapian::InvalidArgumentError&) {
      throw DocumentNotFoundError("no document with id " + std::to_string(id) + " in the index");
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts) throw SearchError("the index kept changing while it was read; try again");
    } catch (const Xapian::Error& e) {
      throw SearchError("cannot read " + description + ": " + e.get_description());
    }
  }
}

}  // namespace

DocumentView Searcher::show(Xapian::docid id) {
  return read_document(database_, id, description_, [&] { return view_of(id); });
}

DocumentView Searcher::view_of(Xapian::docid id) {
  DocumentView view;
  view.record = analysis::decode_record(database_.get_document(id).get_data());
  view.entities = entity_report(view.record);
  return view;
}

std::string Searcher::revision() {
  try {
    std::string text;
    for (Xapian::Database& shard : shards_) {
      shard.reopen();
      text += shard.get_uuid() + ":" + std::to_string(shard.get_revision()) + ";";
    }
    return text;
  } catch (const Xapian::InvalidOperationError&) {
    return {};  // a backend without revisions
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot read " + description_ + ": " + e.get_description());
  }
}

MarkedText Searcher::text(const std::filesystem::path& path, const std::string& query) {
  SearchRequest request;
  request.query = query;
  try {
    database_.reopen();
    return marked(document_for(path), request);
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot read " + description_ + ": " + e.get_description());
  }
}

MarkedText Searcher::text(Xapian::docid id, const SearchRequest& request) {
  return read_document(database_, id, description_, [&] { return marked(id, request); });
}

MarkedText Searcher::marked(Xapian::docid id, const SearchRequest& request) {
  const analysis::DocumentRecord record = analysis::decode_record(database_.get_document(id).get_data());
  BuiltQuery built;
  if (!is_blank(request.query)) {
    SearchResult unused;
    built = build(request, request.query, unused);
  }
  const std::string language =
      record.language.empty() ? analyzer_.options().default_language : record.language;
  return mark_text(record.text, record.page_starts,
                   highlighted(built, alias_surfaces(record, built.alias_actors)), analyzer_, language);
}

std::vector<FacetValue> Searcher::entities(const EntityListRequest& request) {
  return on_latest_commit(database_, shards_, description_, IndexAccess::Read,
                          [&] { return list_entities(database_, shards_, directory_, request); });
}

}  // namespace dossier::searcher
