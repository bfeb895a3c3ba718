#include "dossier/searcher/index_stats.h"

#include <nlohmann/json.hpp>
#include <system_error>

#include "dossier/analysis/failure_record.h"
#include "dossier/analysis/schema.h"
#include "dossier/searcher/entity_directory.h"
#include "dossier/searcher/search_errors.h"
#include "index_opening.h"

namespace dossier::searcher {
namespace {

namespace fs = std::filesystem;
namespace schema = analysis::schema;

// A writer may commit while the stats are read; like a search, they are then read again.
constexpr int kMaxAttempts = 5;

std::uint64_t folder_bytes(const fs::path& folder) {
  std::uint64_t total = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    std::error_code size_error;
    if (it->is_regular_file(size_error)) {
      const std::uintmax_t size = it->file_size(size_error);
      if (!size_error) total += size;
    }
  }
  return total;
}

std::vector<RootStats> roots_of(const Xapian::Database& database) {
  std::vector<RootStats> roots;
  const std::string prefix(schema::kRootKeyPrefix);
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix); ++key) {
    const std::string digest = (*key).substr(prefix.size());
    roots.push_back(
        {database.get_metadata(*key), database.get_termfreq(schema::prefixed(schema::kRootPrefix, digest))});
  }
  std::sort(roots.begin(), roots.end(),
            [](const RootStats& a, const RootStats& b) { return a.path < b.path; });
  return roots;
}

// The stored summary is written by the indexer; a field it lacks stays zero.
std::optional<LastRun> last_run_of(const Xapian::Database& database) {
  const std::string text = database.get_metadata(std::string(schema::kLastRunKey));
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) return std::nullopt;
  LastRun run;
  run.finished = json.value("finished", std::string());
  run.seconds = json.value("seconds", 0.0);
  const std::pair<const char*, std::size_t*> counts[] = {{"added", &run.added},
                                                         {"updated", &run.updated},
                                                         {"renamed", &run.renamed},
                                                         {"deleted", &run.deleted},
                                                         {"unchanged", &run.unchanged},
                                                         {"skipped", &run.skipped},
                                                         {"failed", &run.failed},
                                                         {"failed_before", &run.failed_before},
                                                         {"root_errors", &run.root_errors}};
  for (const auto& [name, field] : counts)
    *field = json.value(name, std::size_t{0});
  return run;
}

// The files the indexer remembers as failing (a value it cannot decode is left out), in key order.
std::vector<FailedFile> failed_files_of(const Xapian::Database& database) {
  std::vector<FailedFile> files;
  const std::string prefix(schema::kFailedKeyPrefix);
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix); ++key) {
    if (auto failure = analysis::decode_failure(database.get_metadata(*key))) {
      files.push_back({std::move(failure->path), std::move(failure->reason), std::move(failure->since)});
    }
  }
  return files;
}

IndexStats read_once(std::vector<Xapian::Database>& shards, const std::vector<fs::path>& paths,
                     std::size_t top) {
  IndexStats stats;
  Xapian::Database all;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    Xapian::Database& shard = shards[i];
    shard.reopen();
    all.add_database(shard);
    stats.size_bytes += folder_bytes(paths[i]);
    for (RootStats& root : roots_of(shard))
      stats.roots.push_back(std::move(root));
    for (FailedFile& file : failed_files_of(shard))
      stats.failed_files.push_back(std::move(file));
    // Several shards: the run that finished last (UTC ISO 8601 text sorts by time).
    std::optional<LastRun> run = last_run_of(shard);
    if (run && (!stats.last_run || run->finished > stats.last_run->finished)) stats.last_run = std::move(run);
  }
  std::sort(stats.roots.begin(), stats.roots.end(),
            [](const RootStats& a, const RootStats& b) { return a.path < b.path; });
  std::sort(stats.failed_files.begin(), stats.failed_files.end(),
            [](const FailedFile& a, const FailedFile& b) { return a.path < b.path; });
  stats.database = describe_indexes(paths);
  stats.documents = all.get_doccount();
  // Facets over every document: the same exact counting as a search that matches everything.
  FacetCounter counter(shards.size() == 1 ? FacetSource::ValueStreams : FacetSource::MatchSpies);
  Xapian::Enquire enquire(all);
  enquire.set_query(Xapian::Query::MatchAll);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  counter.attach(enquire);
  enquire.get_mset(0, 0, all.get_doccount());
  counter.count(all);
  Facets facets = counter.result(EntityDirectory(shards), top);
  stats.countries = std::move(facets.countries);
  stats.actors = std::move(facets.actors);
  return stats;
}

}  // namespace

IndexStats read_index_stats(const fs::path& database_path, std::size_t top) {
  return read_index_stats(std::vector<fs::path>{database_path}, top);
}

IndexStats read_index_stats(const std::vector<fs::path>& database_paths, std::size_t top) {
  if (database_paths.empty()) throw SearchError("no index given");
  std::vector<Xapian::Database> shards;
  for (const fs::path& path : database_paths)
    shards.push_back(open_index(path));
  for (int attempt = 1;; ++attempt) {
    try {
      return read_once(shards, database_paths, top);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts) throw SearchError("the index kept changing while it was read; try again");
    } catch (const Xapian::Error& e) {
      throw SearchError("cannot read index " + describe_indexes(database_paths) + ": " + e.get_description());
    }
  }
}

}  // namespace dossier::searcher
