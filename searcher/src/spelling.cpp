#include "dossier/searcher/spelling.h"

#include <algorithm>
#include <vector>

#include "dossier/analysis/utf8.h"
#include "edit_distance.h"

namespace dossier::searcher {
namespace {

// Shorter words have too many neighbours for a correction to mean anything.
constexpr std::size_t kMinLength = 4;
// Words this long may take two edits; shorter ones one.
constexpr std::size_t kTwoEditsLength = 7;

std::size_t sequence_length(unsigned char lead) noexcept {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

std::string first_character(const std::string& term) {
  return term.substr(0, std::min(term.size(), sequence_length(static_cast<unsigned char>(term[0]))));
}

// Code points of valid UTF-8 (a stray continuation byte counts as one).
std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = sequence_length(lead);
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(c);
    i += length;
  }
  return out;
}

// Where `term` first has an ASCII byte that is not a lower-case letter or an apostrophe ("o'brien"
// is a word; terms are folded; bytes of other scripts count as letters), or npos.
std::size_t first_non_letter(std::string_view term) {
  for (std::size_t i = 0; i < term.size(); ++i) {
    const auto c = static_cast<unsigned char>(term[i]);
    if (c < 0x80 && !(c >= 'a' && c <= 'z') && c != '\'') return i;
  }
  return std::string_view::npos;
}

// The first term after every term starting with `prefix`, whose last byte is ASCII.
std::string past_prefix(std::string prefix) {
  ++prefix.back();
  return prefix;
}

bool is_letter_word(const analysis::Token& token) {
  return token.kind == analysis::TokenKind::Word &&
         std::none_of(token.term.begin(), token.term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Replacement {
  std::size_t column = 0;  // 1-based character column of the word in the query
  std::string word;        // as typed
  std::string correction;
};

// Plain words of the text or the title, outside negations.
void collect_words(const QueryNode& node, std::vector<const QueryNode*>& words) {
  switch (node.kind) {
    case QueryNode::Kind::Word:
      words.push_back(&node);
      return;
    case QueryNode::Kind::Not:
      return;
    case QueryNode::Kind::Field:
      if (node.text == "title") collect_words(node.children.front(), words);
      return;
    default:
      for (const QueryNode& child : node.children)
        collect_words(child, words);
  }
}

// Byte offset of 1-based character `column` in `text`.
std::size_t byte_offset(std::string_view text, std::size_t column) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++characters == column) return i;
  }
  return text.size();
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return levenshtein(code_points(a), code_points(b));
}

std::optional<std::string> nearest_word(const Xapian::Database& database, const std::string& term) {
  const std::u32string word = code_points(term);
  if (word.size() < kMinLength) return std::nullopt;
  const std::size_t tolerance = word.size() >= kTwoEditsLength ? 2 : 1;
  const Xapian::doccount own = database.get_termfreq(term);
  std::optional<std::string> best;
  std::size_t best_distance = tolerance + 1;
  Xapian::doccount best_frequency = 0;
  const auto consider = [&](const std::string& candidate, Xapian::doccount frequency) {
    // A code point takes at least one byte: a candidate this short cannot be near enough.
    if (frequency <= own || candidate.size() + tolerance < word.size() || candidate == term) return;
    const std::u32string points = code_points(candidate);
    const std::size_t gap =
        points.size() > word.size() ? points.size() - word.size() : word.size() - points.size();
    if (gap > tolerance) return;
    const std::size_t d = levenshtein(word, points);
    if (d > tolerance) return;
    if (d < best_distance || (d == best_distance && frequency > best_frequency)) {
      best = candidate;
      best_distance = d;
      best_frequency = frequency;
    }
  };
  const std::string first = first_character(term);
  for (auto it = database.allterms_begin(first); it != database.allterms_end(first);) {
    const std::string candidate = *it;
    if (const std::size_t cut = first_non_letter(candidate); cut != std::string::npos) {
      // Identifiers ("cve-2021-44228", "evil.example") and numbers are never the spelling of a
      // word, and every term sharing this prefix is one too: one seek skips them all (on an index
      // of CVE records, a scan of the "c" terms would otherwise read every CVE id).
      it.skip_to(past_prefix(candidate.substr(0, cut + 1)));
      continue;
    }
    consider(candidate, it.get_termfreq());
    ++it;
  }
  return best;
}

std::optional<std::string> suggest_query(const Xapian::Database& database, std::string_view query,
                                         const QueryNode& tree, const analysis::Analyzer& analyzer) {
  std::vector<const QueryNode*> words;
  collect_words(tree, words);
  std::vector<Replacement> replacements;
  for (const QueryNode* node : words) {
    const std::vector<analysis::Token> tokens = analyzer.analyze(node->text, "none");
    if (tokens.size() != 1 || !is_letter_word(tokens.front())) continue;
    if (auto correction = nearest_word(database, tokens.front().term)) {
      replacements.push_back({node->column, node->text, std::move(*correction)});
    }
  }
  if (replacements.empty()) return std::nullopt;
  // Columns count characters of the repaired query, as the parser saw it.
  std::string text = analysis::repair_utf8(query);
  std::sort(replacements.begin(), replacements.end(),
            [](const Replacement& a, const Replacement& b) { return a.column > b.column; });
  for (const Replacement& r : replacements) {
    const std::size_t at = byte_offset(text, r.column);
    if (text.compare(at, r.word.size(), r.word) == 0) text.replace(at, r.word.size(), r.correction);
  }
  return text;
}

}  // namespace dossier::searcher
