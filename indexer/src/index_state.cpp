#include "dossier/indexer/index_state.h"

#include "dossier/analysis/schema.h"

namespace dossier::indexer {
namespace {

namespace schema = analysis::schema;

// Calls `use(docid, value)` for every document with a value in `slot`, in docid order.
template <typename Use>
void for_each_value(const Xapian::Database& database, unsigned slot, Use use) {
  for (auto it = database.valuestream_begin(slot); it != database.valuestream_end(slot); ++it) {
    use(it.get_docid(), *it);
  }
}

}  // namespace

IndexState IndexState::load(const Xapian::Database& database) {
  IndexState state;
  std::unordered_map<Xapian::docid, StoredFile*> by_docid;
  state.files_.reserve(database.get_doccount());
  by_docid.reserve(database.get_doccount());
  for_each_value(database, schema::kPathDigestSlot, [&](Xapian::docid docid, const std::string& digest) {
    StoredFile& file = state.files_[digest];
    file.docid = docid;
    by_docid[docid] = &file;
  });
  const auto fill = [&](unsigned slot, auto assign) {
    for_each_value(database, slot, [&](Xapian::docid docid, const std::string& value) {
      const auto it = by_docid.find(docid);
      if (it != by_docid.end()) assign(*it->second, value);
    });
  };
  fill(schema::kSizeSlot, [](StoredFile& f, const std::string& v) {
    f.size = static_cast<std::uint64_t>(schema::decode_int64(v).value_or(-1));
  });
  fill(schema::kMtimeSlot,
       [](StoredFile& f, const std::string& v) { f.mtime_ns = schema::decode_int64(v).value_or(0); });
  fill(schema::kDigestSlot, [](StoredFile& f, const std::string& v) { f.content_digest = v; });
  fill(schema::kRootSlot, [](StoredFile& f, const std::string& v) { f.root_digest = v; });
  return state;
}

const StoredFile* IndexState::find(const std::string& path_digest) const {
  const auto it = files_.find(path_digest);
  return it == files_.end() ? nullptr : &it->second;
}

std::size_t IndexState::count_under(const std::string& root_digest) const {
  std::size_t count = 0;
  for (const auto& [digest, file] : files_)
    count += file.root_digest == root_digest;
  return count;
}

}  // namespace dossier::indexer
