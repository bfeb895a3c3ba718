#include "dossier/searcher/batch_search.h"

#include "dossier/analysis/printable.h"
#include "dossier/analysis/utf8.h"
#include "dossier/searcher/csv_field.h"
#include "dossier/searcher/search_errors.h"
#include "hit_json.h"

namespace dossier::searcher {
namespace {

std::string_view trimmed(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
}

std::string matches(std::size_t total) {
  if (total == 0) return "no matches";
  return total == 1 ? "1 match" : std::to_string(total) + " matches";
}

// A facet's values as one CSV cell: "CN:3; NO:1" (actors by name: "APT40:2").
std::string facet_cell(const std::vector<FacetValue>& values, bool by_name) {
  std::string cell;
  for (const FacetValue& value : values)
    cell +=
        (cell.empty() ? "" : "; ") + (by_name ? value.name : value.value) + ":" + std::to_string(value.count);
  return csv_field(cell);
}

std::string csv_row(const BatchAnswer& answer) {
  std::string ids, paths;
  for (const SearchHit& hit : answer.result.hits) {
    ids += (ids.empty() ? "" : " ") + std::to_string(hit.id);
    paths += (paths.empty() ? "" : "\n") + analysis::printable(hit.path);
  }
  const Facets& facets = answer.result.facets;
  const bool failed = !answer.error.empty();
  return csv_line({std::to_string(answer.query.line), csv_field(answer.query.query),
                   failed ? std::string() : std::to_string(answer.result.total), csv_field(answer.error), ids,
                   csv_field(paths), facet_cell(facets.countries, false), facet_cell(facets.actors, true),
                   facet_cell(facets.years, false), facet_cell(facets.languages, false),
                   facet_cell(facets.types, false)});
}

}  // namespace

std::vector<BatchQuery> parse_batch(std::string_view text) {
  std::vector<BatchQuery> queries;
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = trimmed(text.substr(0, end));
    ++number;
    if (!line.empty() && line.front() != '#') queries.push_back({number, std::string(line)});
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return queries;
}

std::string query_failure(const std::function<void()>& search) {
  // A query's own mistakes are its line's; the index failing stops the batch.
  try {
    search();
  } catch (const QuerySyntaxError& e) {
    return e.what();
  } catch (const UnknownEntityError& e) {
    return e.what();
  } catch (const SearchTimeoutError& e) {
    return e.what();
  }
  return {};
}

std::vector<BatchAnswer> run_batch(Searcher& searcher, const SearchRequest& base,
                                   const std::vector<BatchQuery>& queries) {
  std::vector<BatchAnswer> answers;
  for (const BatchQuery& query : queries) {
    BatchAnswer answer;
    answer.query = query;
    SearchRequest request = base;
    request.query = query.query;
    answer.error = query_failure([&] { answer.result = searcher.search(request); });
    answers.push_back(std::move(answer));
  }
  return answers;
}

std::string format_batch_text(const std::vector<BatchAnswer>& answers, const TextStyle& style) {
  std::string out;
  for (const BatchAnswer& answer : answers) {
    if (!out.empty()) out += "\n";
    out += std::to_string(answer.query.line) + ": " + analysis::printable(answer.query.query) + ": ";
    if (!answer.error.empty()) {
      out += "error: " + analysis::printable(answer.error) + "\n";
      continue;
    }
    out += matches(answer.result.total) + "\n" + format_text(answer.result, style);
  }
  return out;
}

std::string format_batch_json(const std::vector<BatchAnswer>& answers) {
  Json queries = Json::array();
  for (const BatchAnswer& answer : answers) {
    Json hits = Json::array();
    for (const SearchHit& hit : answer.result.hits)
      hits.push_back(hit_json(hit, false));
    queries.push_back({{"line", answer.query.line},
                       {"query", analysis::repair_utf8(answer.query.query)},
                       {"total", answer.result.total},
                       {"error", answer.error.empty() ? Json() : Json(analysis::repair_utf8(answer.error))},
                       {"hits", std::move(hits)},
                       {"facets", facets_json(answer.result.facets)}});
  }
  return dump_json({{"version", kJsonVersion}, {"queries", std::move(queries)}});
}

std::string format_batch_csv(const std::vector<BatchAnswer>& answers) {
  std::string out(kBatchCsvHeader);
  for (const BatchAnswer& answer : answers)
    out += csv_row(answer);
  return out;
}

}  // namespace dossier::searcher
