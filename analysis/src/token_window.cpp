#include "token_window.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>

#include "dossier/analysis/name_context.h"
#include "dossier/analysis/utf8.h"
#include "elisions.h"

namespace dossier::analysis {
namespace {

bool is_context_word(const std::string& term) {
  return is_actor_context(term) || is_country_context(term);
}

bool is_hex_byte(std::string_view word) {
  const auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  };
  return word.size() == 2 && hex(word[0]) && hex(word[1]);
}

// How far back an image's alternative text or a link's title may open.
constexpr std::size_t kMaxLabelBytes = 300;

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

std::string_view bare_word(std::string_view word) {
  for (std::string_view apostrophe : {"'", "\u2019"}) {
    const std::size_t at = word.find(apostrophe);
    if (at == std::string_view::npos || at + apostrophe.size() >= word.size()) continue;
    std::string head(word.substr(0, at));
    for (char& c : head)
      c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (is_elision(head)) return word.substr(at + apostrophe.size());
  }
  return word;
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

bool TokenWindow::glued_after(std::size_t first, std::size_t length) const {
  const std::size_t next = first + length;
  return next < buffer.size() && only_spaces(gap(buffer[next - 1], buffer[next])) &&
         capitalized(buffer[next]) && !is_context_word(buffer[next].term);
}

bool TokenWindow::glued_before(std::size_t first) const {
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

namespace dossier::analysis {

bool TokenWindow::in_hex_dump(std::size_t first, std::size_t length) const {
  if (length != 1 || !is_hex_byte(surface(buffer[first]))) return false;
  // The neighbour `other`, one space away, is a hex byte too.
  const auto byte_beside = [this](std::size_t left, std::size_t right, std::size_t other) {
    return gap(buffer[left], buffer[right]) == " " && is_hex_byte(surface(buffer[other]));
  };
  return (first > 0 && byte_beside(first - 1, first, first - 1)) ||
         (first + 1 < buffer.size() && byte_beside(first, first + 1, first + 1));
}

bool TokenWindow::after_number(std::size_t first) const {
  return first > 0 && buffer[first - 1].kind == TokenKind::Number &&
         only_spaces(gap(buffer[first - 1], buffer[first]));
}

bool TokenWindow::after_follow_us(std::size_t first) const {
  static constexpr std::string_view kVerbs[] = {"follow", "share",     "find",  "join",   "connect",
                                                "like",   "subscribe", "visit", "contact"};
  static constexpr std::string_view kLinks[] = {"us", "on", "via", "at", "with", "in", "to"};
  std::size_t i = first;
  for (std::size_t skipped = 0; i > 0 && skipped < 3; ++skipped) {
    const std::string& term = buffer[i - 1].term;
    if (std::find(std::begin(kLinks), std::end(kLinks), term) == std::end(kLinks)) break;
    --i;
  }
  if (i == first || i == 0) return false;
  const std::string& verb = buffer[i - 1].term;
  return std::find(std::begin(kVerbs), std::end(kVerbs), verb) != std::end(kVerbs);
}

bool TokenWindow::in_markup_label(std::size_t first) const {
  const Token& token = buffer[first];
  const std::size_t from = token.begin > kMaxLabelBytes ? token.begin - kMaxLabelBytes : 0;
  std::string_view line = text.substr(from, token.begin - from);
  // A link's title: `(address "Title")`, the address ending right before ` "`.
  if (line.ends_with('"')) {
    std::string_view before = line.substr(0, line.size() - 1);
    const std::size_t end = before.find_last_not_of(' ');
    if (end != std::string_view::npos && end + 1 < before.size()) {
      before = before.substr(0, end + 1);
      const std::size_t start = before.find_last_of(" \n(");
      const std::string_view address = before.substr(start == std::string_view::npos ? 0 : start + 1);
      if (address.find("://") != std::string_view::npos || address.starts_with('/')) return true;
    }
  }
  // An image's alternative text: `![Text](address)`.
  const std::size_t open = line.rfind("![");
  if (open == std::string_view::npos) return false;
  const std::string_view rest = line.substr(open);
  return rest.find(']') == std::string_view::npos && rest.find('\n') == std::string_view::npos;
}

std::size_t TokenWindow::capitalized_run(std::size_t from, std::size_t max) const {
  std::size_t count = 0;
  while (count < max && from + count < buffer.size() && buffer[from + count].kind == TokenKind::Word &&
         capitalized(buffer[from + count]) &&
         (count == 0 || only_spaces(gap(buffer[from + count - 1], buffer[from + count]))))
    ++count;
  return count;
}

std::optional<std::size_t> TokenWindow::parenthesised_acronym(std::size_t at) const {
  if (at == 0 || at >= buffer.size()) return std::nullopt;
  const std::string_view word = surface(buffer[at]);
  if (word.size() < 2 || word.size() > 8 ||
      word.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != std::string_view::npos)
    return std::nullopt;
  if (gap(buffer[at - 1], buffer[at]) != " (") return std::nullopt;
  const std::size_t end = buffer[at].end;
  if (end >= text.size() || text[end] != ')') return std::nullopt;
  return at;
}

}  // namespace dossier::analysis
