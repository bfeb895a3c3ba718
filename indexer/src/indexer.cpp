#include "dossier/indexer/indexer.h"

#include <chrono>
#include <system_error>

#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/digest.h"
#include "dossier/analysis/schema.h"
#include "dossier/indexer/document_builder.h"
#include "dossier/indexer/extractor.h"
#include "dossier/indexer/file_format.h"
#include "dossier/indexer/file_reader.h"
#include "dossier/indexer/file_walker.h"

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

// Indexes one file; returns normally when it was indexed, throws when it could not be.
void index_file(const FoundFile& file, FileFormat format, const IndexOptions& options,
                const analysis::Analyzer& analyzer, IndexWriter& writer) {
  const std::string bytes = read_regular_file(file.path, options.max_file_bytes);
  const ExtractedDocument content = extract(format, bytes);
  const SourceFile source{file.path.native(), format, bytes.size(), file.mtime_ns,
                          analysis::digest_hex(bytes)};
  const Xapian::Document document = build_document(source, content, analyzer);
  writer.replace(analysis::schema::unique_term(source.path), document, bytes.size());
}

class Run {
 public:
  Run(const IndexOptions& options, const IndexEvents& events)
      : options_(options), events_(events), writer_(options.database, options.commit) {}

  void visit(const FoundFile& file) {
    const auto format = format_for_path(file.path);
    if (!format) {
      ++report_.skipped;
      return;
    }
    try {
      index_file(file, *format, options_, analyzer_, writer_);
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
    writer_.commit();
    return std::move(report_);
  }

 private:
  const IndexOptions& options_;
  const IndexEvents& events_;
  analysis::Analyzer analyzer_;
  IndexWriter writer_;
  IndexReport report_;
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
