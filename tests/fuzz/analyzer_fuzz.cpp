// Fuzzes the one text pipeline (tokenizer, normaliser, identifier scanner, stemmers) on any bytes:
// the first byte picks the stemming language, the rest is the text.
#include <array>
#include <string_view>

#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/identifier_scanner.h"
#include "dossier/analysis/utf8.h"
#include "fuzz_support.h"

namespace {

constexpr std::array<std::string_view, 8> kLanguages{"en", "fr", "de", "nl", "no", "ru", "none", "zz"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using dossier::fuzz::require;
  static const dossier::analysis::Analyzer analyzer;
  if (size == 0) return 0;
  const std::string_view language = kLanguages[data[0] % kLanguages.size()];
  const std::string_view text = dossier::fuzz::as_text(data + 1, size - 1);
  std::uint32_t primary_position = 0;
  std::uint32_t primary_width = 0;
  std::uint32_t next_position = 1;
  for (const auto& token : analyzer.analyze(text, language)) {
    require(token.begin <= token.end && token.end <= text.size(), "token offsets lie inside the text");
    if (token.role == dossier::analysis::TokenRole::Primary) {
      require(token.position == next_position && token.width >= 1,
              "primary tokens take consecutive positions");
      primary_position = token.position;
      primary_width = token.width;
      next_position = token.position + token.width;
    } else {
      require(primary_width > 0 && token.position >= primary_position &&
                  token.position < primary_position + primary_width,
              "a part lies at a position of the token it belongs to");
    }
    require(!token.term.empty(), "no token has an empty term");
    require(dossier::analysis::is_valid_utf8(token.term), "terms are valid UTF-8");
    require(dossier::analysis::is_valid_utf8(token.stem), "stems are valid UTF-8");
  }
  for (const auto& span : dossier::analysis::find_identifiers(text)) {
    require(span.begin <= span.end && span.end <= text.size(), "identifier spans lie inside the text");
  }
  require(dossier::analysis::is_valid_utf8(analyzer.fold(dossier::analysis::repair_utf8(text))),
          "a folded word is valid UTF-8");
  return 0;
}
