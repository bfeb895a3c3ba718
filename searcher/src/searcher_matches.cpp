// Every match of a request as document ids, and the paths of ids (declared in searcher.h): what
// a document x query matrix needs, without ranking, snippets or facets.
#include "dossier/analysis/document_record.h"
#include "dossier/searcher/search_errors.h"
#include "dossier/searcher/searcher.h"

namespace dossier::searcher {
namespace {

// As in `Searcher::search`: a writer commits in batches, a reader may need a few attempts.
constexpr int kMaxAttempts = 5;

}  // namespace

std::vector<Xapian::docid> Searcher::match_ids(const SearchRequest& request) {
  for (int attempt = 1;; ++attempt) {
    try {
      database_.reopen();
      for (Xapian::Database& shard : shards_)
        shard.reopen();
      SearchResult unused;
      Xapian::Enquire enquire(database_);
      enquire.set_query(filtered(request, unused).query);
      // No weights and document order: Xapian walks the posting lists and ranks nothing.
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);
      const Xapian::MSet mset = enquire.get_mset(0, database_.get_doccount());
      std::vector<Xapian::docid> ids;
      ids.reserve(mset.size());
      for (auto it = mset.begin(); it != mset.end(); ++it)
        ids.push_back(*it);
      return ids;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts) throw SearchError("the index kept changing during the search; try again");
    } catch (const Xapian::Error& e) {
      throw SearchError("cannot search " + description_ + ": " + e.get_description());
    }
  }
}

std::optional<std::vector<std::string>> Searcher::paths(const std::vector<Xapian::docid>& ids) {
  try {
    std::vector<std::string> paths;
    paths.reserve(ids.size());
    for (const Xapian::docid id : ids)
      paths.push_back(analysis::decode_record_path(database_.get_document(id).get_data()));
    return paths;
  } catch (const Xapian::DocNotFoundError&) {
    return std::nullopt;
  } catch (const Xapian::DatabaseModifiedError&) {
    return std::nullopt;
  } catch (const Xapian::Error& e) {
    throw SearchError("cannot read " + description_ + ": " + e.get_description());
  }
}

}  // namespace dossier::searcher
