#include "dossier/analysis/entity_report.h"
#include "dossier/analysis/utc_time.h"
#include "dossier/analysis/utf8.h"
#include "dossier/searcher/document_format.h"
#include "dossier/searcher/result_format.h"

namespace dossier::searcher {
namespace {

using Json = nlohmann::ordered_json;

Json or_null(const std::string& text) {
  return text.empty() ? Json() : Json(analysis::repair_utf8(text));
}

}  // namespace

std::string iso_utc_time(std::int64_t ns) {
  return analysis::iso_utc_time(static_cast<std::time_t>(ns / 1'000'000'000));
}

Json document_json(const DocumentView& view) {
  const analysis::DocumentRecord& r = view.record;
  Json keywords = Json::array();
  for (const std::string& keyword : r.keywords)
    keywords.push_back(analysis::repair_utf8(keyword));
  Json object = {{"version", kJsonVersion},
                 {"path", analysis::repair_utf8(r.path)},
                 {"title", analysis::repair_utf8(r.title)},
                 {"format", r.format},
                 {"size", r.size},
                 {"modified", iso_utc_time(r.mtime_ns)},
                 {"author", or_null(r.author)},
                 {"date", or_null(r.date)},
                 {"language", or_null(r.language)},
                 {"description", or_null(r.description)},
                 {"keywords", std::move(keywords)},
                 {"url", or_null(r.canonical_url)},
                 {"pages", r.page_starts.empty() ? 0 : r.page_starts.size() + 1}};
  object.update(analysis::to_json(view.entities));
  return object;
}

}  // namespace dossier::searcher
