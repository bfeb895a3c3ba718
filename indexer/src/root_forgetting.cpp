#include "dossier/indexer/root_forgetting.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "dossier/analysis/digest.h"
#include "dossier/analysis/printable.h"
#include "dossier/analysis/schema.h"
#include "dossier/analysis/utf8.h"
#include "dossier/indexer/failure_memory.h"
#include "dossier/indexer/index_writer.h"
#include "link_loops.h"
#include "root_scan.h"

namespace dossier::indexer {
namespace {

namespace fs = std::filesystem;
namespace schema = analysis::schema;

// The root's digest and stored path: by the identity `run_index` gives it, else by the path
// stored for a root (a root indexed through a link that now points elsewhere).
std::optional<std::pair<std::string, std::string>> find_root(const IndexWriter& writer,
                                                             const fs::path& root) {
  const std::string prefix(schema::kRootKeyPrefix);
  const std::string digest = analysis::digest_hex(root_identity(root));
  if (std::string path = writer.metadata(prefix + digest); !path.empty()) return std::pair{digest, path};
  const std::string given = fs::absolute(root).lexically_normal().native();
  for (const std::string& key : writer.metadata_keys(prefix)) {
    std::string path = writer.metadata(key);
    if (path == given || path + "/" == given) return std::pair{key.substr(prefix.size()), std::move(path)};
  }
  return std::nullopt;
}

std::string known_roots(const IndexWriter& writer) {
  std::string roots;
  for (const std::string& key : writer.metadata_keys(std::string(schema::kRootKeyPrefix)))
    roots += (roots.empty() ? "" : ", ") + writer.metadata(key);
  return roots.empty() ? "none" : roots;
}

}  // namespace

ForgetReport forget_root(const ForgetOptions& options) {
  // Opening for writing would create a database in any folder named by mistake.
  try {
    Xapian::Database existing(options.database.string());
  } catch (const Xapian::Error&) {
    throw IndexWriteError("no index at " + options.database.string());
  }
  // Everything goes in one commit: the batch limit is never reached before the end.
  CommitPolicy one_commit;
  one_commit.max_documents = static_cast<std::size_t>(-1);
  one_commit.max_bytes = static_cast<std::size_t>(-1);
  IndexWriter writer(options.database, one_commit, options.wait, "dossier forget");
  const auto root = find_root(writer, options.root);
  if (!root) {
    throw UnknownRootError(options.root.string() + " is not a root of index " + options.database.string() +
                           " (its roots: " + known_roots(writer) + ")");
  }
  const auto& [digest, path] = *root;
  ForgetReport report;
  report.root = path;
  const std::string term = schema::prefixed(schema::kRootPrefix, digest);
  std::vector<Xapian::docid> documents;
  for (auto it = writer.database().postlist_begin(term); it != writer.database().postlist_end(term); ++it)
    documents.push_back(*it);
  for (const Xapian::docid docid : documents)
    writer.remove(docid);
  report.documents = documents.size();
  FailureMemory failures = FailureMemory::load(writer);
  std::vector<std::string> failed;
  for (const auto& [path_digest, failure] : failures.all()) {
    if (failure.root_digest == digest) failed.push_back(path_digest);
  }
  for (const std::string& path_digest : failed)
    failures.forget(writer, path_digest);
  report.failures = failed.size();
  report.loops = LinkLoops::load(writer).forget_root(writer, digest);
  writer.set_metadata(std::string(schema::kRootKeyPrefix) + digest, "");
  writer.commit();
  return report;
}

std::string forget_report_to_json(const ForgetReport& report) {
  const nlohmann::ordered_json json = {{"root", analysis::repair_utf8(report.root)},
                                       {"documents", report.documents},
                                       {"failed_files", report.failures},
                                       {"loops", report.loops}};
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string forget_report_to_line(const ForgetReport& report) {
  return "forgot " + analysis::printable(report.root) + ": " + std::to_string(report.documents) +
         " documents, " + std::to_string(report.failures) + " failed files, " + std::to_string(report.loops) +
         " link loops";
}

}  // namespace dossier::indexer
