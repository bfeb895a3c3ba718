#include "dossier/indexer/indexer.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "change_times.h"
#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/digest.h"
#include "dossier/analysis/document_record.h"
#include "dossier/analysis/entity_metadata.h"
#include "dossier/analysis/gazetteer.h"
#include "dossier/analysis/schema.h"
#include "dossier/indexer/document_builder.h"
#include "dossier/indexer/extractor.h"
#include "dossier/indexer/failure_memory.h"
#include "dossier/indexer/file_format.h"
#include "dossier/indexer/file_reader.h"
#include "dossier/indexer/gazetteer_files.h"
#include "dossier/indexer/index_state.h"
#include "link_loops.h"
#include "ordered_pipeline.h"
#include "root_scan.h"
#include "utc_time.h"

namespace dossier::indexer {
namespace {

namespace fs = std::filesystem;
namespace schema = analysis::schema;

// Files read ahead of the writer per worker thread: enough to keep the writer busy, few enough
// that memory stays flat.
constexpr std::size_t kQueuedPerJob = 4;

// What a worker made of one file; the writer thread applies it.
struct PreparedFile {
  std::string error;  // not empty: the file failed, for this reason
  analysis::Digest digest;
  std::size_t bytes = 0;
  bool same_content = false;  // only touched: the stored mtime changes, nothing else
  std::optional<BuiltDocument> built;
};

// A file a run has to read: new, changed, or asked for.
struct WorkItem {
  const FoundFile* file = nullptr;
  const RootScan* root = nullptr;
  FileFormat format = FileFormat::PlainText;
  analysis::Digest path_digest;
};

// Names and aliases for searches. Rewritten only when the gazetteer changed; entries the new
// gazetteer no longer has are removed, except actors defined in reports, which documents still use.
void store_gazetteer_metadata(const analysis::Gazetteer& gazetteer, IndexWriter& writer) {
  if (writer.metadata(std::string(schema::kGazetteerDigestKey)) == gazetteer.digest()) return;
  const std::vector<analysis::MetadataEntry> entries = analysis::gazetteer_metadata(gazetteer);
  std::unordered_set<std::string> fresh;
  for (const auto& entry : entries)
    fresh.insert(entry.first);
  for (std::string_view prefix :
       {schema::kCountryKeyPrefix, schema::kActorKeyPrefix, schema::kActorNamesKeyPrefix,
        schema::kCountryAliasKeyPrefix, schema::kActorAliasKeyPrefix}) {
    for (const std::string& key : writer.metadata_keys(std::string(prefix))) {
      const bool defined_in_report =
          (prefix == schema::kActorKeyPrefix || prefix == schema::kActorNamesKeyPrefix) &&
          key.starts_with(std::string(prefix) + "unknown-");
      if (!fresh.contains(key) && !defined_in_report) writer.set_metadata(key, "");
    }
  }
  for (const auto& [key, value] : entries)
    writer.set_metadata(key, value);
  writer.set_metadata(std::string(schema::kGazetteerDigestKey), gazetteer.digest());
}

bool is_below(const std::string& path, const fs::path& folder) {
  const std::string& prefix = folder.native();
  return path == prefix ||
         (path.size() > prefix.size() && path.starts_with(prefix) && path[prefix.size()] == '/');
}

class Run {
 public:
  Run(const IndexOptions& options, const IndexEvents& events)
      : options_(options),
        events_(events),
        started_(std::chrono::steady_clock::now()),
        gazetteer_(load_gazetteer(options.gazetteer_files)),
        writer_(options.database, options.commit, options.wait),
        state_(IndexState::load(writer_.database())),
        failures_(FailureMemory::load(writer_)),
        loops_(LinkLoops::load(writer_)) {
    const std::string stored_gazetteer = writer_.metadata(std::string(schema::kGazetteerDigestKey));
    // Tags follow the gazetteer: when it changed, every document is built again.
    const bool gazetteer_changed = !state_.files().empty() && stored_gazetteer != gazetteer_.digest();
    full_ = options.mode == RunMode::Full || gazetteer_changed;
    // Otherwise the gazetteer is recorded and committed now: a first run killed half-way must not
    // make the next one read every file again, and searches meanwhile know every country and
    // actor. A changed gazetteer is recorded at the end, when every document follows it.
    if (!gazetteer_changed && stored_gazetteer != gazetteer_.digest()) {
      store_gazetteer_metadata(gazetteer_, writer_);
      writer_.commit();
    }
    for (std::string& language : schema::decode_set(writer_.metadata(std::string(schema::kLanguagesKey)))) {
      languages_.insert(std::move(language));
    }
  }

  IndexReport execute() {
    scan();
    work(plan());
    delete_vanished();
    report_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    store_metadata();
    writer_.commit();
    return std::move(report_);
  }

 private:
  // Walks every root completely before anything is read or deleted.
  void scan() {
    const WalkOptions walk{options_.exclude, options_.symlinks};
    for (const fs::path& root : options_.roots) {
      RootScan scan =
          scan_root(root, walk, [this](const WalkIssue& issue) { fail(issue.path.native(), issue.reason); });
      // A root retired on purpose is forgotten explicitly: only the user knows it is not a share
      // that failed to mount, so the messages say how.
      const std::string retire =
          "; nothing deleted (if it is retired, remove it with: dossier forget " + scan.path + ")";
      if (scan.status != RootStatus::Walked) {
        root_error(scan, (scan.problem.empty() ? std::string("cannot be read") : scan.problem) +
                             (state_.count_under(scan.id) > 0 ? retire : std::string("; nothing deleted")));
      } else if (scan.files.empty() && state_.count_under(scan.id) > 0) {
        // A share that did not mount looks like an empty folder: the index is not emptied for it.
        root_error(scan, "is empty but the index holds " + std::to_string(state_.count_under(scan.id)) +
                             " documents from it" + retire);
      } else {
        deletable_roots_.insert(scan.id);
      }
      writer_.set_metadata(std::string(schema::kRootKeyPrefix) + scan.digest, scan.path);
      scans_.push_back(std::move(scan));
    }
  }

  // Files that need reading; the rest are counted as unchanged or skipped without being opened.
  std::vector<WorkItem> plan() {
    std::vector<WorkItem> items;
    for (const RootScan& scan : scans_) {
      for (const fs::path& special : scan.special)
        skip(special.native(), "not a regular file (FIFO, socket or device)");
      for (const WalkIssue& loop : scan.loops)
        skip_loop(scan, loop);
      for (const FoundFile& file : scan.files) {
        const analysis::Digest path_digest = analysis::digest_of(file.path);
        const StoredFile* stored = state_.find(path_digest);
        if (!mark_seen(path_digest, stored)) continue;  // under two roots: indexed once
        const auto format = format_for_path(file.path);
        if (!format) {
          skip(file.path, "not a supported format");
          continue;
        }
        if (!full_ && stored && stored->size == file.size && stored->mtime_ns == file.mtime_ns) {
          ++report_.unchanged;
          continue;
        }
        const analysis::FailureRecord* failure =
            failures_.all().empty() ? nullptr : failures_.find(path_digest.hex());
        if (failure && !stored) seen_failures_.insert(path_digest);
        if (!full_ && failure && failure->size == file.size && failure->mtime_ns == file.mtime_ns &&
            options_.failed_files == FailedFilesPolicy::RetryWhenChanged) {
          still_failing(file.path, *failure);
          continue;
        }
        items.push_back({&file, &scan, *format, path_digest});
      }
    }
    find_vanished();
    return items;
  }

  // Records that the walk found `path_digest`; false when it was found before (a file under two
  // roots). Stored files carry the mark themselves, so a run keeps no set of every path it saw;
  // new paths need one only when several roots could give the same path twice.
  bool mark_seen(const analysis::Digest& path_digest, const StoredFile* stored) {
    if (stored) return state_.mark_seen(path_digest);
    return scans_.size() < 2 || new_paths_seen_.insert(path_digest).second;
  }

  bool was_seen(const analysis::Digest& path_digest) const {
    const StoredFile* stored = state_.find(path_digest);
    return (stored && stored->seen) || seen_failures_.contains(path_digest) ||
           new_paths_seen_.contains(path_digest);
  }

  // Stored files of roots walked completely that the walk did not see, by content digest (a new
  // path with the same content is a rename). Files below an unreadable folder are not vanished.
  void find_vanished() {
    std::unordered_map<analysis::Digest, const RootScan*, analysis::DigestHash> roots;
    for (const RootScan& scan : scans_)
      roots[scan.id] = &scan;
    for (const auto& [path_digest, stored] : state_.files()) {
      if (stored.seen || !deletable_roots_.contains(stored.root_digest)) continue;
      const RootScan* root = roots.at(stored.root_digest);
      if (!root->unseen.empty()) {
        const std::string path = analysis::decode_record_path(writer_.document(stored.docid).get_data());
        const bool hidden = std::any_of(root->unseen.begin(), root->unseen.end(),
                                        [&](const fs::path& folder) { return is_below(path, folder); });
        if (hidden) continue;
      }
      vanished_[stored.content_digest].push_back(path_digest);
    }
  }

  // Files are read, extracted and analysed on `jobs` threads; this thread writes them in walk
  // order (so document ids follow the walk), with a bounded number waiting.
  void work(const std::vector<WorkItem>& items) {
    if (items.empty()) return;
    IndexProgress progress{0, items.size(), 0, 0};
    for (const WorkItem& item : items)
      progress.bytes_total += item.file->size;
    const std::size_t jobs =
        options_.jobs > 0 ? options_.jobs : std::max(1U, std::thread::hardware_concurrency());
    tagger_.emplace(gazetteer_, analyzer_, options_.tagging);
    builder_.emplace(analyzer_, &*tagger_);
    if (jobs > 1) prepare_extractors_for_threads();
    run_ordered_pipeline<PreparedFile>(
        items.size(), jobs, jobs * kQueuedPerJob, [&](std::size_t i) { return prepare(items[i]); },
        [&](std::size_t i, PreparedFile&& prepared) {
          apply(items[i], std::move(prepared));
          ++progress.files_done;
          progress.bytes_done += items[i].file->size;
          if (events_.on_progress) events_.on_progress(progress);
        });
  }

  // Runs on a worker thread: only const members are used. Never throws; a failure is returned.
  PreparedFile prepare(const WorkItem& item) const {
    PreparedFile prepared;
    try {
      const FoundFile& file = *item.file;
      const std::string bytes = read_regular_file(file.path, options_.max_file_bytes);
      prepared.digest = analysis::digest_of(bytes);
      prepared.bytes = bytes.size();
      const StoredFile* stored = state_.find(item.path_digest);
      if (stored && stored->content_digest == prepared.digest && !full_) {
        prepared.same_content = true;
        return prepared;
      }
      const SourceFile source{file.path,    item.root->path, item.format,
                              bytes.size(), file.mtime_ns,   prepared.digest.hex()};
      ExtractionLimits limits;
      limits.budget = options_.extract_timeout;
      limits.deadline = std::chrono::steady_clock::now() + options_.extract_timeout;
      prepared.built = builder_->build(source, extract(item.format, bytes, limits));
    } catch (const std::exception& e) {
      prepared.error = *e.what() ? e.what() : "cannot be indexed";
    } catch (const Xapian::Error& e) {
      prepared.error = e.get_description();
    } catch (...) {
      prepared.error = "cannot be indexed (unexpected error)";
    }
    return prepared;
  }

  // Runs on the writer thread.
  void apply(const WorkItem& item, PreparedFile&& prepared) {
    if (!prepared.error.empty()) {
      remember_failure(item, prepared.error);
      return;
    }
    try {
      write(item, prepared);
    } catch (const IndexWriteError&) {
      throw;  // the database is unusable: stop, keeping what was committed
    } catch (const std::exception& e) {
      remember_failure(item, e.what());
    } catch (const Xapian::Error& e) {
      remember_failure(item, e.get_description());
    }
  }

  void write(const WorkItem& item, PreparedFile& prepared) {
    const StoredFile* stored = state_.find(item.path_digest);
    if (prepared.same_content) {
      touch(*stored, *item.file);
      failures_.forget(writer_, item.path_digest.hex());
      ++report_.unchanged;
      return;
    }
    BuiltDocument& built = *prepared.built;
    const std::string& path = item.file->path;
    if (stored) {
      // A rebuild of the same bytes (--full, a new gazetteer) is no change of content.
      const auto change =
          stored->content_digest == prepared.digest ? ContentChange::Same : ContentChange::Changed;
      carry_times(built.document, writer_.document(stored->docid), change, clock_.next());
      writer_.replace(stored->docid, built.document, prepared.bytes);
      count(FileChangeKind::Updated, path);
    } else if (const StoredFile* moved = take_vanished(prepared.digest)) {
      carry_times(built.document, writer_.document(moved->docid), ContentChange::Same, clock_.next());
      writer_.replace(moved->docid, built.document, prepared.bytes);
      count(FileChangeKind::Renamed, path);
    } else {
      stamp_new(built.document, clock_.next());
      writer_.add(built.document, prepared.bytes);
      count(FileChangeKind::Added, path);
    }
    failures_.forget(writer_, item.path_digest.hex());
    record_additions(built);
  }

  // Actors a report defines and new languages go into the metadata with the document, in the same
  // commit, so that a run killed later cannot leave documents whose names are unknown.
  void record_additions(const BuiltDocument& built) {
    for (const analysis::Actor& actor : built.defined_actors) {
      if (!defined_actors_.insert(actor.id).second) continue;
      for (const auto& [key, value] : analysis::actor_metadata(actor))
        writer_.set_metadata(key, value);
    }
    if (!built.language.empty() && languages_.insert(built.language).second) {
      writer_.set_metadata(std::string(schema::kLanguagesKey),
                           schema::encode_set({languages_.begin(), languages_.end()}));
    }
  }

  // Same content, new mtime: only the stored mtime changes (Xapian rewrites no posting for that).
  void touch(const StoredFile& stored, const FoundFile& file) {
    Xapian::Document document = writer_.document(stored.docid);
    document.add_value(schema::kMtimeSlot, schema::encode_int64(file.mtime_ns));
    analysis::DocumentRecord record = analysis::decode_record(document.get_data());
    record.mtime_ns = file.mtime_ns;
    document.set_data(analysis::encode_record(record));
    writer_.replace(stored.docid, document, 0);
  }

  const StoredFile* take_vanished(const analysis::Digest& content_digest) {
    const auto it = vanished_.find(content_digest);
    if (it == vanished_.end() || it->second.empty()) return nullptr;
    const StoredFile* stored = state_.find(it->second.back());
    it->second.pop_back();
    return stored;
  }

  void delete_vanished() {
    for (const auto& [content_digest, path_digests] : vanished_) {
      for (const analysis::Digest& path_digest : path_digests) {
        const StoredFile& stored = *state_.find(path_digest);
        const std::string path = events_.on_change
                                     ? analysis::decode_record_path(writer_.document(stored.docid).get_data())
                                     : std::string();
        writer_.remove(stored.docid);
        count(FileChangeKind::Deleted, path);
      }
    }
    // Failed files that are gone from a walked root are forgotten too.
    std::vector<std::string> gone;
    for (const auto& [path_digest, failure] : failures_.all()) {
      const auto digest = analysis::parse_digest(path_digest);
      const auto root = analysis::parse_digest(failure.root_digest);
      if ((!digest || !was_seen(*digest)) && root && deletable_roots_.contains(*root))
        gone.push_back(path_digest);
    }
    for (const std::string& path_digest : gone)
      failures_.forget(writer_, path_digest);
    std::unordered_set<std::string> walked;
    for (const RootScan& scan : scans_) {
      if (deletable_roots_.contains(scan.id)) walked.insert(scan.digest);
    }
    loops_.forget_unmet(writer_, walked);
  }

  void store_metadata() {
    store_gazetteer_metadata(gazetteer_, writer_);
    std::string summary = report_to_json(report_);
    summary.insert(1, "\"finished\":\"" + utc_now() + "\",");
    writer_.set_metadata(std::string(schema::kLastRunKey), summary);
  }

  void count(FileChangeKind kind, const std::string& path) {
    switch (kind) {
      case FileChangeKind::Added:
        ++report_.added;
        break;
      case FileChangeKind::Updated:
        ++report_.updated;
        break;
      case FileChangeKind::Renamed:
        ++report_.renamed;
        break;
      case FileChangeKind::Deleted:
        ++report_.deleted;
        break;
    }
    if (events_.on_change) events_.on_change({path, kind});
  }

  void skip(const std::string& path, const std::string& reason) {
    ++report_.skipped;
    if (events_.on_skip) events_.on_skip({path, reason});
  }

  // A link loop is no failure: what it leads to is walked (or is nothing), so the run goes on and
  // exits as if it were not there. It is a warning the first time, so that a scheduled run does
  // not mail the same news every 15 minutes.
  void skip_loop(const RootScan& scan, const WalkIssue& loop) {
    skip(loop.path.native(), loop.reason);
    if (loops_.meet(writer_, analysis::digest_hex(loop.path.native()), scan.digest, loop.reason) &&
        events_.on_warning) {
      events_.on_warning({loop.path.native(), loop.reason + "; skipped"});
    }
  }

  void remember_failure(const WorkItem& item, const std::string& reason) {
    seen_failures_.insert(item.path_digest);
    failures_.remember(
        writer_, item.path_digest.hex(),
        {item.file->size, item.file->mtime_ns, item.root->digest, utc_now(), item.file->path, reason});
    fail(item.file->path, reason);
  }

  // A file that failed before and has not changed: it still fails, so it is counted failed, but
  // it is not read again, nor reported again (`dossier stats` lists it), nor does it change the
  // exit code: that would alarm a scheduled job about old news in every run.
  void still_failing(const std::string& path, const analysis::FailureRecord& failure) {
    ++report_.failed;
    ++report_.failed_before;
    if (events_.on_skip)
      events_.on_skip({path, "failed before and unchanged since (" + failure.reason + ")"});
  }

  void fail(const std::string& path, const std::string& reason) {
    ++report_.failed;
    report(path, reason);
  }

  void root_error(const RootScan& root, const std::string& reason) {
    ++report_.root_errors;
    report(root.path, reason);
  }

  void report(const std::string& path, const std::string& reason) {
    FileError error{path, reason};
    if (events_.on_error) events_.on_error(error);
    report_.errors.push_back(std::move(error));
  }

  const IndexOptions& options_;
  const IndexEvents& events_;
  std::chrono::steady_clock::time_point started_;
  analysis::Analyzer analyzer_;
  analysis::Gazetteer gazetteer_;
  // Built only when some file has to be read: compiling the gazetteer's names into the tagger is
  // most of what a run that finds nothing changed would otherwise spend.
  std::optional<analysis::EntityTagger> tagger_;
  std::optional<DocumentBuilder> builder_;
  IndexWriter writer_;
  IndexState state_;
  FailureMemory failures_;
  LinkLoops loops_;
  ChangeClock clock_;
  bool full_ = false;
  std::vector<RootScan> scans_;
  std::unordered_set<analysis::Digest, analysis::DigestHash> deletable_roots_;
  // New paths the walk found, kept only with several roots (see `mark_seen`), and new paths with
  // a remembered failure, old or from this run (so that the failure is not forgotten as gone).
  std::unordered_set<analysis::Digest, analysis::DigestHash> new_paths_seen_;
  std::unordered_set<analysis::Digest, analysis::DigestHash> seen_failures_;
  std::unordered_map<analysis::Digest, std::vector<analysis::Digest>, analysis::DigestHash> vanished_;
  IndexReport report_;
  std::unordered_set<std::string> defined_actors_;
  std::set<std::string> languages_;
};

// A typo in every root of a first run must not leave an empty index behind.
std::optional<IndexReport> refuse_without_any_root(const IndexOptions& options, const IndexEvents& events) {
  std::error_code error;
  if (fs::exists(options.database, error)) return std::nullopt;
  IndexReport report;
  for (const fs::path& root : options.roots) {
    if (fs::exists(fs::symlink_status(root, error))) return std::nullopt;
    FileError root_error{root.native(), "does not exist"};
    if (events.on_error) events.on_error(root_error);
    report.errors.push_back(std::move(root_error));
    ++report.root_errors;
  }
  return report;
}

}  // namespace

IndexReport run_index(const IndexOptions& options, const IndexEvents& events) {
  if (options.roots.empty())
    throw std::invalid_argument("nothing to index: give at least one folder or file");
  if (auto refused = refuse_without_any_root(options, events)) return std::move(*refused);
  return Run(options, events).execute();
}

}  // namespace dossier::indexer
