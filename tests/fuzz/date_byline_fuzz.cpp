// Fuzzes the date and byline readers of a document's opening lines and metadata fields.
#include <string_view>

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/date_text.h"
#include "dossier/indexer/text_metadata.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using dossier::fuzz::require;
  const std::string_view text = dossier::fuzz::as_text(data, size);
  if (const auto match = dossier::indexer::find_date(text)) {
    require(match->begin < match->end && match->end <= text.size(), "a date lies inside the text");
  }
  static_cast<void>(dossier::indexer::parse_date_value(text));
  const dossier::indexer::TextMetadata found = dossier::indexer::find_text_metadata(text);
  require(dossier::analysis::is_valid_utf8(found.author) || !dossier::analysis::is_valid_utf8(text),
          "an author read from valid UTF-8 is valid UTF-8");
  for (const std::string_view language : {"", "de", "fr", "nb", "ru"}) {
    if (const auto byline = dossier::indexer::find_byline(text, language)) {
      require(!byline->empty(), "a byline names someone");
    }
  }
  static_cast<void>(dossier::indexer::is_byline_or_date_line(text));
  return 0;
}
