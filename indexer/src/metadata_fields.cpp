#include "dossier/indexer/metadata_fields.h"

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/text_lines.h"

namespace dossier::indexer {
namespace {

bool is_ascii_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string one_line(std::string_view text, std::size_t max_bytes) {
  // Every white space counts: U+2028 would break the line, U+00A0 or U+202F would stay glued.
  std::string out = analysis::collapse_white_space(analysis::repair_utf8(text));
  out.resize(analysis::utf8_prefix(out, max_bytes).size());
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

std::vector<std::string> split_keywords(std::string_view text, std::string_view separators) {
  std::vector<std::string> keywords;
  while (!text.empty()) {
    const std::size_t stop = text.find_first_of(separators);
    std::string keyword = one_line(text.substr(0, stop));
    if (!keyword.empty()) keywords.push_back(std::move(keyword));
    if (stop == std::string_view::npos) break;
    text.remove_prefix(stop + 1);
  }
  return keywords;
}

std::string language_code(std::string_view tag) {
  const std::string_view t = trim(tag);
  if (t.size() < 2 || !is_ascii_letter(t[0]) || !is_ascii_letter(t[1])) return {};
  if (t.size() > 2 && t[2] != '-' && t[2] != '_') return {};
  std::string code(t.substr(0, 2));
  for (char& c : code) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return code;
}

}  // namespace dossier::indexer
