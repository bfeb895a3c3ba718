#include "dossier/searcher/searcher.h"

#include <system_error>

#include "dossier/analysis/document_record.h"
#include "dossier/analysis/schema.h"
#include "dossier/searcher/query_builder.h"
#include "dossier/searcher/query_parser.h"
#include "dossier/searcher/search_errors.h"

namespace dossier::searcher {
namespace {

namespace schema = analysis::schema;

// A writer commits in batches; a reader may need a few reopen attempts during a long run.
constexpr int kMaxAttempts = 5;

Xapian::Database open_database(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) {
    throw IndexNotFoundError("no index at " + path.string() + " (create one with 'dossier index')");
  }
  Xapian::Database database;
  try {
    database = Xapian::Database(path.string());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw IndexNotFoundError("no index at " + path.string() + " (" + e.get_msg() + ")");
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot open index " + path.string() + ": " + e.get_description());
  }
  const std::string version = database.get_metadata(std::string(schema::kSchemaVersionKey));
  if (version != schema::kSchemaVersion) {
    throw IndexNotFoundError(path.string() + " is not a Dossier index this version can read (schema '" +
                             version + "')");
  }
  return database;
}

}  // namespace

Searcher::Searcher(std::filesystem::path database)
    : path_(std::move(database)), database_(open_database(path_)) {}

SearchResult Searcher::search(const SearchRequest& request) {
  for (int attempt = 1;; ++attempt) {
    try {
      // Each search sees the latest commit; a commit during the search is retried below.
      database_.reopen();
      return run(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts) throw SearchError("the index kept changing during the search; try again");
    } catch (const Xapian::Error& e) {
      throw SearchError("cannot search " + path_.string() + ": " + e.get_description());
    }
  }
}

SearchResult Searcher::run(const SearchRequest& request) {
  const QueryNode tree = parse_query(request.query);
  const BuiltQuery built = build_query(
      tree, analyzer_, request.mode == MatchMode::All ? DefaultOperator::And : DefaultOperator::Or);

  Xapian::Enquire enquire(database_);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  // Counting every match makes the total exact rather than an estimate.
  const Xapian::MSet mset =
      enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                       static_cast<Xapian::doccount>(request.limit), database_.get_doccount());
  SearchResult result;
  result.query = request.query;
  result.total = mset.get_matches_estimated();
  result.offset = request.offset;
  std::size_t rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const analysis::DocumentRecord record = analysis::decode_record(it.get_document().get_data());
    SearchHit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    hit.path = record.path;
    hit.title = record.title;
    hit.snippet = make_snippet(record.text, built.match_terms, analyzer_, request.snippet);
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace dossier::searcher
