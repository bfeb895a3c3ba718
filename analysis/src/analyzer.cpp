#include "dossier/analysis/analyzer.h"

#include <xapian.h>

#include <array>

#include "dossier/analysis/term_bounds.h"

namespace dossier::analysis {
namespace {

// Snowball stemmers are linear, but a word this long is not language: leave it as it is.
constexpr std::size_t kMaxStemmedWordBytes = 64;

// Elided articles and conjunctions (French, Italian) that glue onto the next word with "'".
constexpr std::array<std::string_view, 17> kElisions = {"l",      "d",    "j",   "m",     "n",      "s",
                                                        "t",      "c",    "qu",  "jusqu", "lorsqu", "puisqu",
                                                        "quoiqu", "dell", "all", "nell",  "sull"};

// "china's" -> "china", "actors'" -> "actors", "l'espionnage" -> "espionnage".
std::string strip_clitics(std::string term) {
  if (term.find('\'') == std::string::npos) return term;
  if (term.size() > 2 && term.ends_with("'s")) {
    term.resize(term.size() - 2);
  } else if (term.size() > 1 && term.ends_with('\'')) {
    term.pop_back();
  }
  const std::size_t apostrophe = term.find('\'');
  if (apostrophe != std::string::npos && apostrophe + 1 < term.size()) {
    const std::string_view head(term.data(), apostrophe);
    for (std::string_view elision : kElisions) {
      if (head == elision) return term.substr(apostrophe + 1);
    }
  }
  return term;
}

Xapian::Stem make_stemmer(std::string_view language) {
  if (language.empty() || language == "none") return Xapian::Stem();
  try {
    return Xapian::Stem(std::string(language));
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem();
  }
}

std::string stem_word(Xapian::Stem& stemmer, const std::string& term) {
  if (term.size() > kMaxStemmedWordBytes) return term;
  std::string stem = stemmer(term);
  return stem.empty() ? term : stem;
}

}  // namespace

Analyzer::Analyzer(AnalyzerOptions options) : options_(std::move(options)) {}

std::vector<Token> Analyzer::analyze(std::string_view text) const {
  return analyze(text, options_.default_language);
}

std::string Analyzer::fold(std::string_view word) const {
  return bound_term(strip_clitics(normalizer_.fold(word)));
}

std::string Analyzer::stem(const std::string& term, std::string_view language) const {
  Xapian::Stem stemmer = make_stemmer(language);
  return bound_term(stem_word(stemmer, term));
}

std::vector<Token> Analyzer::analyze(std::string_view text, std::string_view language) const {
  std::vector<Token> tokens;
  for_each_token(text, language, [&tokens](const Token& token) { tokens.push_back(token); });
  return tokens;
}

void Analyzer::for_each_token(std::string_view text, std::string_view language,
                              const std::function<void(const Token&)>& sink) const {
  Xapian::Stem stemmer = make_stemmer(language);
  std::uint32_t position = 0;
  Token token;
  tokenizer_.for_each_token(text, [&](RawToken&& raw) {
    token.begin = raw.begin;
    token.end = raw.end;
    token.stem.clear();
    if (raw.kind != TokenKind::Identifier) {
      token.term = fold(text.substr(raw.begin, raw.end - raw.begin));
      if (token.term.empty()) return;  // an apostrophe alone, say
      token.position = ++position;
      token.kind = raw.kind;
      token.role = TokenRole::Primary;
      token.identifier.reset();
      if (token.kind == TokenKind::Word) token.stem = bound_term(stem_word(stemmer, token.term));
      sink(token);
      return;
    }
    IdentifierSpan& span = *raw.identifier;
    token.term = bound_term(std::move(span.canonical));
    token.position = ++position;
    token.kind = TokenKind::Identifier;
    token.role = TokenRole::Primary;
    token.identifier = span.kind;
    sink(token);
    token.role = TokenRole::Part;
    token.identifier.reset();
    for (std::string& part : span.parts) {
      const bool letters = part.find_first_not_of("0123456789") != std::string::npos;
      token.term = bound_term(std::move(part));
      token.kind = letters ? TokenKind::Word : TokenKind::Number;
      token.stem = letters ? bound_term(stem_word(stemmer, token.term)) : std::string();
      sink(token);
    }
  });
}

}  // namespace dossier::analysis
