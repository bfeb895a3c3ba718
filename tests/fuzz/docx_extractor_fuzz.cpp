// Fuzzes the DOCX extractor (and the byline and date search that follows every extraction): any
// bytes either extract into valid UTF-8 or fail with ExtractionError.
#include <string_view>

#include "dossier/indexer/extractor.h"
#include "extraction_invariants.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dossier::fuzz::check_extraction(dossier::indexer::FileFormat::Docx, dossier::fuzz::as_text(data, size));
  return 0;
}
