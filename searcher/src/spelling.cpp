#include "dossier/searcher/spelling.h"

#include <algorithm>
#include <vector>

#include "dossier/analysis/schema.h"
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

// "MIVD", "NCSC": an acronym as typed (two to six letters, none lower case) names something; an
// edit away from it is another name, not a spelling ("MID").
bool is_acronym(std::string_view typed) {
  constexpr std::size_t kLongestAcronym = 6;
  const auto upper = std::count_if(typed.begin(), typed.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  const bool lower = std::any_of(typed.begin(), typed.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return !lower && upper >= 2 && typed.size() <= kLongestAcronym;
}

// The stems of the folded word `term` in `languages`, each once.
std::vector<std::string> stems_of(const analysis::Analyzer& analyzer, const std::string& term,
                                  const std::vector<std::string>& languages) {
  std::vector<std::string> stems;
  for (const std::string& language : languages) {
    std::string stem = analyzer.stem(term, language);
    if (std::find(stems.begin(), stems.end(), stem) == stems.end()) stems.push_back(std::move(stem));
  }
  return stems;
}

// How many documents the search finds a word in: by its exact form, or by any of its stems
// (the `Z` terms plain query words match), whichever is more.
Xapian::doccount documents_with(const Xapian::Database& database, const std::string& term,
                                const std::vector<std::string>& stems) {
  Xapian::doccount most = database.get_termfreq(term);
  for (const std::string& stem : stems)
    most = std::max(most, database.get_termfreq(std::string(analysis::schema::kStemPrefix) + stem));
  return most;
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

std::optional<std::string> nearest_word(const Xapian::Database& database, const std::string& term,
                                        const std::function<bool(const std::string&)>& acceptable) {
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
    // The word with an ending of two letters or more cut off is another word ("travel" for
    // "travelex"), not its spelling; one letter off may be a slip ("botnet" for "botnett").
    if (term.starts_with(candidate) && term.size() >= candidate.size() + 2) return;
    const std::u32string points = code_points(candidate);
    const std::size_t gap =
        points.size() > word.size() ? points.size() - word.size() : word.size() - points.size();
    if (gap > tolerance) return;
    const std::size_t d = levenshtein(word, points);
    if (d > tolerance || (acceptable && !acceptable(candidate))) return;
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

std::optional<std::string> suggest_query(const SpellingContext& context, std::string_view query,
                                         const QueryNode& tree) {
  std::vector<const QueryNode*> words;
  collect_words(tree, words);
  const std::vector<std::string> languages =
      context.stem_languages.empty() ? std::vector<std::string>{context.analyzer.options().default_language}
                                     : context.stem_languages;
  std::vector<Replacement> replacements;
  for (const QueryNode* node : words) {
    const std::vector<analysis::Token> tokens = context.analyzer.analyze(node->text, "none");
    if (tokens.size() != 1 || !is_letter_word(tokens.front()) || is_acronym(node->text)) continue;
    const std::string& term = tokens.front().term;
    const std::vector<std::string> stems = stems_of(context.analyzer, term, languages);
    if (documents_with(context.database, term, stems) >= kRareWord) continue;
    if (context.names != nullptr && !context.names->find_actors(node->text).empty()) continue;
    // A word with the query word's stem is what the search matched already ("attack" for "attacks").
    const auto other_stem = [&](const std::string& candidate) {
      const std::vector<std::string> theirs = stems_of(context.analyzer, candidate, languages);
      return std::none_of(theirs.begin(), theirs.end(), [&stems](const std::string& stem) {
        return std::find(stems.begin(), stems.end(), stem) != stems.end();
      });
    };
    if (auto correction = nearest_word(context.database, term, other_stem)) {
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
