#include "change_times.h"

#include <algorithm>
#include <chrono>

#include "dossier/analysis/schema.h"

namespace dossier::indexer {
namespace {

namespace schema = analysis::schema;

std::string value_or_now(const Xapian::Document& previous, unsigned slot, std::int64_t now_ns) {
  std::string value = previous.get_value(slot);
  return schema::decode_int64(value) ? value : schema::encode_int64(now_ns);
}

}  // namespace

std::int64_t ChangeClock::next() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  // A clock set back during a run must not give a later write an earlier time.
  last_ = std::max(last_ + 1, std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
  return last_;
}

void stamp_new(Xapian::Document& document, std::int64_t now_ns) {
  document.add_value(schema::kFirstIndexedSlot, schema::encode_int64(now_ns));
  document.add_value(schema::kChangedSlot, schema::encode_int64(now_ns));
}

void carry_times(Xapian::Document& document, const Xapian::Document& previous, ContentChange change,
                 std::int64_t now_ns) {
  document.add_value(schema::kFirstIndexedSlot, value_or_now(previous, schema::kFirstIndexedSlot, now_ns));
  document.add_value(schema::kChangedSlot, change == ContentChange::Same
                                               ? value_or_now(previous, schema::kChangedSlot, now_ns)
                                               : schema::encode_int64(now_ns));
}

}  // namespace dossier::indexer
