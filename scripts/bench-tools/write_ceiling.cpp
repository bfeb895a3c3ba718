// The write-path ceiling of an index build: copies every document of a Dossier index (terms,
// positions, values, data) into memory, then times one thread adding them to a new database
// with a commit every BATCH documents, as `dossier index` commits. No file is read and nothing
// is analysed, so no indexer that writes these documents through Xapian can finish sooner on
// one writer thread. Built and run by scripts/bench; prints one JSON object.
//
// Usage: write_ceiling SOURCE_INDEX TARGET_INDEX [BATCH]
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace {

// A stand-alone copy: a document read from a database would be fetched lazily while timing.
Xapian::Document copy_of(const Xapian::Document& source) {
  Xapian::Document copy;
  copy.set_data(source.get_data());
  for (auto value = source.values_begin(); value != source.values_end(); ++value)
    copy.add_value(value.get_valueno(), *value);
  for (auto term = source.termlist_begin(); term != source.termlist_end(); ++term) {
    const std::string name = *term;
    const Xapian::termcount positions = term.positionlist_count();
    for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position)
      copy.add_posting(name, *position, 1);
    // Boolean terms (wdf 0) and the wdf weighting added beyond one per position.
    const Xapian::termcount wdf = term.get_wdf();
    if (positions == 0 || wdf > positions) copy.add_term(name, wdf - positions);
  }
  return copy;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: write_ceiling SOURCE_INDEX TARGET_INDEX [BATCH]\n");
    return 2;
  }
  try {
    const unsigned long batch = argc > 3 ? std::stoul(argv[3]) : 1000;
    const Xapian::Database source(argv[1]);
    std::vector<Xapian::Document> documents;
    documents.reserve(source.get_doccount());
    for (auto id = source.postlist_begin(""); id != source.postlist_end(""); ++id)
      documents.push_back(copy_of(source.get_document(*id)));

    const std::clock_t cpu_start = std::clock();
    const auto start = std::chrono::steady_clock::now();
    Xapian::WritableDatabase target(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
    unsigned long pending = 0;
    for (const Xapian::Document& document : documents) {
      target.add_document(document);
      if (++pending == batch) {
        target.commit();
        pending = 0;
      }
    }
    target.commit();
    const double wall = seconds_since(start);
    const double cpu = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    std::printf("{\"documents\": %zu, \"batch\": %lu, \"wall_s\": %.3f, \"cpu_s\": %.3f}\n", documents.size(),
                batch, wall, cpu);
    return 0;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "write_ceiling: %s\n", e.get_description().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "write_ceiling: %s\n", e.what());
  }
  return 2;
}
