#include "dossier/server/export_format.h"

#include <cstdio>

#include "dossier/analysis/utf8.h"

namespace dossier::server {
namespace {

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

std::string csv_field(std::string_view field) {
  std::string text = analysis::repair_utf8(field);
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

std::string csv_rows(const searcher::SearchResult& result) {
  std::string out;
  for (const searcher::SearchHit& hit : result.hits) {
    const std::string fields[] = {std::to_string(hit.rank),
                                  std::to_string(hit.id),
                                  score_text(hit.score),
                                  csv_field(hit.path),
                                  csv_field(hit.title),
                                  hit.date,
                                  csv_field(hit.author),
                                  hit.language,
                                  hit.format,
                                  hit.page > 0 ? std::to_string(hit.page) : std::string(),
                                  csv_field(joined(hit.countries)),
                                  csv_field(joined(hit.actors)),
                                  csv_field(hit.snippet.text)};
    for (std::size_t i = 0; i < std::size(fields); ++i)
      out += (i == 0 ? "" : ",") + fields[i];
    out += "\r\n";
  }
  return out;
}

}  // namespace dossier::server
