// Every match of a request as document ids, and the paths of ids (declared in searcher.h): what
// a document x query matrix needs, without ranking, snippets or facets.
#include "dossier/analysis/document_record.h"
#include "dossier/searcher/search_errors.h"
#include "dossier/searcher/searcher.h"
#include "latest_commit.h"

namespace dossier::searcher {

std::vector<Xapian::docid> Searcher::match_ids(const SearchRequest& request) {
  return on_latest_commit(database_, shards_, description_, IndexAccess::Search, [&] {
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
  });
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
