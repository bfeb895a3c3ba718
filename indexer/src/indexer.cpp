#include "dossier/indexer/indexer.h"

#include <chrono>
#include <map>
#include <set>
#include <system_error>
#include <unordered_set>

#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/digest.h"
#include "dossier/analysis/entity_metadata.h"
#include "dossier/analysis/gazetteer.h"
#include "dossier/analysis/schema.h"
#include "dossier/indexer/document_builder.h"
#include "dossier/indexer/extractor.h"
#include "dossier/indexer/file_format.h"
#include "dossier/indexer/file_reader.h"
#include "dossier/indexer/file_walker.h"
#include "dossier/indexer/gazetteer_files.h"

namespace dossier::indexer {
namespace {

namespace fs = std::filesystem;

void check_roots(const std::vector<fs::path>& roots) {
  if (roots.empty()) throw RootError("nothing to index: give at least one folder or file");
  for (const fs::path& root : roots) {
    std::error_code error;
    const fs::file_status status = fs::status(root, error);
    if (error || !fs::exists(status)) {
      throw RootError("cannot index " + root.string() + ": " +
                      (error ? error.message() : std::string("no such file or directory")));
    }
  }
}

namespace schema = analysis::schema;

// Names and aliases for searches. Rewritten only when the gazetteer changed; entries the new
// gazetteer no longer has are removed, except actors defined in reports, which documents still use.
void store_gazetteer_metadata(const analysis::Gazetteer& gazetteer, IndexWriter& writer) {
  if (writer.metadata(std::string(schema::kGazetteerDigestKey)) == gazetteer.digest()) return;
  const std::vector<analysis::MetadataEntry> entries = analysis::gazetteer_metadata(gazetteer);
  std::unordered_set<std::string> fresh;
  for (const auto& entry : entries)
    fresh.insert(entry.first);
  for (std::string_view prefix : {schema::kCountryKeyPrefix, schema::kActorKeyPrefix,
                                  schema::kCountryAliasKeyPrefix, schema::kActorAliasKeyPrefix}) {
    for (const std::string& key : writer.metadata_keys(std::string(prefix))) {
      const bool defined_in_report = key.starts_with(std::string(schema::kActorKeyPrefix) + "unknown-");
      if (!fresh.contains(key) && !defined_in_report) writer.set_metadata(key, "");
    }
  }
  for (const auto& [key, value] : entries)
    writer.set_metadata(key, value);
  writer.set_metadata(std::string(schema::kGazetteerDigestKey), gazetteer.digest());
}

class Run {
 public:
  Run(const IndexOptions& options, const IndexEvents& events)
      : options_(options),
        events_(events),
        gazetteer_(load_gazetteer(options.gazetteer_files)),
        tagger_(gazetteer_, analyzer_, options.tagging),
        builder_(analyzer_, &tagger_),
        writer_(options.database, options.commit) {}

  void visit(const FoundFile& file) {
    const auto format = format_for_path(file.path);
    if (!format) {
      ++report_.skipped;
      return;
    }
    try {
      index_file(file, *format);
      ++report_.indexed;
    } catch (const IndexWriteError&) {
      throw;  // the database is unusable: stop, keeping what was committed
    } catch (const std::exception& e) {
      fail(file.path.native(), e.what());
    } catch (const Xapian::Error& e) {
      fail(file.path.native(), e.get_description());
    }
  }

  void fail(const std::string& path, const std::string& reason) {
    ++report_.failed;
    FileError error{path, reason};
    if (events_.on_error) events_.on_error(error);
    report_.errors.push_back(std::move(error));
  }

  IndexReport finish() {
    store_gazetteer_metadata(gazetteer_, writer_);
    store_languages();
    for (const auto& [id, actor] : defined_actors_) {
      for (const auto& [key, value] : analysis::actor_metadata(actor))
        writer_.set_metadata(key, value);
    }
    writer_.commit();
    return std::move(report_);
  }

 private:
  // Indexes one file; returns normally when it was indexed, throws when it could not be.
  void index_file(const FoundFile& file, FileFormat format) {
    const std::string bytes = read_regular_file(file.path, options_.max_file_bytes);
    const ExtractedDocument content = extract(format, bytes);
    const SourceFile source{file.path.native(), format, bytes.size(), file.mtime_ns,
                            analysis::digest_hex(bytes)};
    BuiltDocument built = builder_.build(source, content);
    writer_.replace(schema::unique_term(source.path), built.document, bytes.size());
    for (analysis::Actor& actor : built.defined_actors)
      defined_actors_.try_emplace(actor.id, std::move(actor));
    if (!built.language.empty()) languages_.insert(built.language);
  }

  // The languages of the index grow with each run: searches stem query words in each of them.
  void store_languages() {
    const std::string key(schema::kLanguagesKey);
    for (std::string& language : schema::decode_set(writer_.metadata(key)))
      languages_.insert(std::move(language));
    writer_.set_metadata(key, schema::encode_set({languages_.begin(), languages_.end()}));
  }

  const IndexOptions& options_;
  const IndexEvents& events_;
  analysis::Analyzer analyzer_;
  analysis::Gazetteer gazetteer_;
  analysis::EntityTagger tagger_;
  DocumentBuilder builder_;
  IndexWriter writer_;
  IndexReport report_;
  std::map<std::string, analysis::Actor> defined_actors_;
  std::set<std::string> languages_;
};

}  // namespace

IndexReport run_index(const IndexOptions& options, const IndexEvents& events) {
  const auto started = std::chrono::steady_clock::now();
  check_roots(options.roots);
  Run run(options, events);
  for (const fs::path& root : options.roots) {
    walk_files(root, WalkOptions{options.exclude},
               {[&run](const FoundFile& file) { run.visit(file); },
                [&run](const WalkIssue& issue) { run.fail(issue.path.native(), issue.reason); }});
  }
  IndexReport report = run.finish();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace dossier::indexer
