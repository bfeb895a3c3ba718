#include "dossier/indexer/index_state.h"

#include <utility>
#include <vector>

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
  state.files_.reserve(database.get_doccount());
  // Value streams come in docid order, so each later pass meets the documents in the order the
  // first one listed them: a merge, without a lookup per document.
  std::vector<std::pair<Xapian::docid, StoredFile*>> in_order;
  in_order.reserve(database.get_doccount());
  for_each_value(database, schema::kPathDigestSlot, [&](Xapian::docid docid, const std::string& value) {
    const auto digest = analysis::parse_digest(value);
    if (!digest) return;
    StoredFile& file = state.files_[*digest];
    file.docid = docid;
    in_order.emplace_back(docid, &file);
  });
  const auto fill = [&](unsigned slot, auto assign) {
    std::size_t next = 0;
    for_each_value(database, slot, [&](Xapian::docid docid, const std::string& value) {
      while (next < in_order.size() && in_order[next].first < docid)
        ++next;
      if (next < in_order.size() && in_order[next].first == docid) assign(*in_order[next].second, value);
    });
  };
  fill(schema::kSizeSlot, [](StoredFile& f, const std::string& v) {
    f.size = static_cast<std::uint64_t>(schema::decode_int64(v).value_or(-1));
  });
  fill(schema::kMtimeSlot,
       [](StoredFile& f, const std::string& v) { f.mtime_ns = schema::decode_int64(v).value_or(0); });
  // A malformed digest reads as zero, which no content has: the file is then read again.
  fill(schema::kDigestSlot, [](StoredFile& f, const std::string& v) {
    f.content_digest = analysis::parse_digest(v).value_or(analysis::Digest{});
  });
  fill(schema::kRootSlot, [](StoredFile& f, const std::string& v) {
    f.root_digest = analysis::parse_digest(v).value_or(analysis::Digest{});
  });
  return state;
}

const StoredFile* IndexState::find(const analysis::Digest& path_digest) const {
  const auto it = files_.find(path_digest);
  return it == files_.end() ? nullptr : &it->second;
}

bool IndexState::mark_seen(const analysis::Digest& path_digest) {
  const auto it = files_.find(path_digest);
  if (it == files_.end() || it->second.seen) return false;
  it->second.seen = true;
  return true;
}

std::size_t IndexState::count_under(const analysis::Digest& root_digest) const {
  std::size_t count = 0;
  for (const auto& [digest, file] : files_)
    count += file.root_digest == root_digest;
  return count;
}

}  // namespace dossier::indexer
