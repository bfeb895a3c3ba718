#include "token_window.h"

#include <unicode/uchar.h>

#include "dossier/analysis/name_context.h"
#include "dossier/analysis/utf8.h"

namespace dossier::analysis {
namespace {

bool is_context_word(const std::string& term) {
  return is_actor_context(term) || is_country_context(term);
}

}  // namespace

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool only_spaces(std::string_view gap) noexcept {
  return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
}

std::string_view TokenWindow::span(std::size_t first, std::size_t length) const {
  const Token& a = buffer[first];
  const Token& b = buffer[first + length - 1];
  return text.substr(a.begin, b.end - a.begin);
}

bool TokenWindow::capitalized(const Token& token) const {
  return u_isupper(first_code_point(surface(token))) != 0;
}

bool TokenWindow::starts_sentence(std::size_t i) const {
  if (base + i == 0 || i == 0) return true;
  const std::string_view before = gap(buffer[i - 1], buffer[i]);
  return before.find_first_of(".!?:\n") != std::string_view::npos;
}

const Token* TokenWindow::following(std::size_t first, std::size_t length) const {
  const std::size_t next = first + length;
  if (next >= buffer.size()) return nullptr;
  const std::string_view between = gap(buffer[next - 1], buffer[next]);
  if (between.empty() || between.find_first_not_of(" -") != std::string_view::npos) return nullptr;
  return &buffer[next];
}

bool TokenWindow::glued(std::size_t first, std::size_t length) const {
  const std::size_t next = first + length;
  if (next < buffer.size() && only_spaces(gap(buffer[next - 1], buffer[next])) && capitalized(buffer[next]) &&
      !is_context_word(buffer[next].term)) {
    return true;
  }
  return first > 0 && only_spaces(gap(buffer[first - 1], buffer[first])) && capitalized(buffer[first - 1]) &&
         !starts_sentence(first - 1) && !is_context_word(buffer[first - 1].term);
}

// A slash between names is the usual alias notation ("Midnight Blizzard/NOBELIUM"), so only a
// backslash, or a slash before a version number ("Mozilla/5.0"), marks a path.
bool TokenWindow::in_path(std::size_t first, std::size_t length) const {
  const std::size_t begin = buffer[first].begin;
  const std::size_t end = buffer[first + length - 1].end;
  const bool version =
      end + 1 < text.size() && text[end] == '/' && text[end + 1] >= '0' && text[end + 1] <= '9';
  return (begin > 0 && text[begin - 1] == '\\') || (end < text.size() && text[end] == '\\') || version;
}

}  // namespace dossier::analysis
