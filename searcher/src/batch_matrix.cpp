#include "dossier/searcher/batch_matrix.h"

#include <algorithm>
#include <map>

#include "dossier/searcher/csv_field.h"
#include "dossier/searcher/search_errors.h"

namespace dossier::searcher {
namespace {

// Matching the whole batch again when a writer commits meanwhile, at most so many times.
constexpr int kMaxAttempts = 5;

// The matrix as the index stands now; nullopt when a commit landed while it was read.
std::optional<BatchMatrix> matched(Searcher& searcher, const SearchRequest& base,
                                   const std::vector<BatchQuery>& queries) {
  const std::string revision = searcher.revision();
  BatchMatrix matrix;
  std::map<Xapian::docid, std::vector<std::size_t>> columns_of;
  for (const BatchQuery& query : queries) {
    BatchAnswer column;
    column.query = query;
    SearchRequest request = base;
    request.query = query.query;
    column.error = query_failure([&] {
      const std::vector<Xapian::docid> ids = searcher.match_ids(request);
      column.result.total = ids.size();
      for (const Xapian::docid id : ids)
        columns_of[id].push_back(matrix.columns.size());
    });
    matrix.columns.push_back(std::move(column));
  }
  std::vector<Xapian::docid> ids;
  for (const auto& [id, columns] : columns_of)
    ids.push_back(id);
  std::optional<std::vector<std::string>> paths = searcher.paths(ids);
  // Every query and path read from one commit, or the matrix is read again.
  if (!paths || searcher.revision() != revision) return std::nullopt;
  for (std::size_t i = 0; i < ids.size(); ++i)
    matrix.rows.push_back({ids[i], std::move((*paths)[i]), std::move(columns_of[ids[i]])});
  std::sort(matrix.rows.begin(), matrix.rows.end(),
            [](const MatrixRow& a, const MatrixRow& b) { return a.path < b.path; });
  return matrix;
}

}  // namespace

BatchMatrix run_batch_matrix(Searcher& searcher, const SearchRequest& base,
                             const std::vector<BatchQuery>& queries) {
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    if (std::optional<BatchMatrix> matrix = matched(searcher, base, queries)) return std::move(*matrix);
  }
  throw SearchError("the index kept changing during the batch; try again");
}

std::string format_batch_matrix_csv(const BatchMatrix& matrix) {
  std::vector<std::string> header = {"path"};
  for (const BatchAnswer& column : matrix.columns)
    header.push_back(csv_field(column.query.query));
  std::string out = csv_line(header);
  for (const MatrixRow& row : matrix.rows) {
    std::vector<std::string> cells = {csv_field(row.path)};
    auto match = row.columns.begin();  // ascending, so met in column order
    for (std::size_t i = 0; i < matrix.columns.size(); ++i) {
      const bool matches = match != row.columns.end() && *match == i;
      if (matches) ++match;
      cells.emplace_back(!matrix.columns[i].error.empty() ? "" : matches ? "1" : "0");
    }
    out += csv_line(cells);
  }
  return out;
}

}  // namespace dossier::searcher
