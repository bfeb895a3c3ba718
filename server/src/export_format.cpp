#include "dossier/server/export_format.h"

#include <cstdio>

#include "dossier/searcher/csv_field.h"

namespace dossier::server {
namespace {

using searcher::csv_field;
using searcher::csv_line;

std::string joined(const std::vector<std::string>& values) {
  std::string text;
  for (const std::string& value : values)
    text += (text.empty() ? "" : "; ") + value;
  return text;
}

std::string score_text(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", score);
  return buffer;
}

}  // namespace

std::string csv_header() {
  return "rank,id,score,path,title,date,author,language,format,page,countries,actors,snippet\r\n";
}

std::string csv_rows(const searcher::SearchResult& result) {
  std::string out;
  for (const searcher::SearchHit& hit : result.hits) {
    out += csv_line({std::to_string(hit.rank), std::to_string(hit.id), score_text(hit.score),
                     csv_field(hit.path), csv_field(hit.title), hit.date, csv_field(hit.author), hit.language,
                     hit.format, hit.page > 0 ? std::to_string(hit.page) : std::string(),
                     csv_field(joined(hit.countries)), csv_field(joined(hit.actors)),
                     csv_field(hit.snippet.text)});
  }
  return out;
}

}  // namespace dossier::server
