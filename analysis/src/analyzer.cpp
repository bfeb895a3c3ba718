#include "dossier/analysis/analyzer.h"

#include <xapian.h>

#include <array>

#include "dossier/analysis/term_bounds.h"
#include "elisions.h"

namespace dossier::analysis {
namespace {

// Snowball stemmers are linear, but a word this long is not language: leave it as it is.
constexpr std::size_t kMaxStemmedWordBytes = 64;

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
    if (is_elision(head)) return term.substr(apostrophe + 1);
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
  std::uint32_t next_position = 1;
  Token token;
  // The term, stem and kind of a word or number at text[begin, end) (false: it folds to nothing).
  const auto set_word = [&](std::size_t begin, std::size_t end, TokenKind kind) {
    token.term = fold(text.substr(begin, end - begin));
    if (token.term.empty()) return false;  // an apostrophe alone, say
    token.kind = kind;
    token.identifier.reset();
    token.stem = kind == TokenKind::Word ? bound_term(stem_word(stemmer, token.term)) : std::string();
    return true;
  };
  const auto set_identifier = [&](std::string&& canonical, IdentifierKind kind) {
    token.term = bound_term(std::move(canonical));
    token.kind = TokenKind::Identifier;
    token.identifier = kind;
    token.stem.clear();
  };
  tokenizer_.for_each_token(text, [&](RawToken&& raw) {
    token.begin = raw.begin;
    token.end = raw.end;
    if (raw.identifier) {
      set_identifier(std::move(raw.identifier->canonical), raw.identifier->kind);
    } else if (!set_word(raw.begin, raw.end, raw.kind)) {
      return;
    }
    token.role = TokenRole::Primary;
    token.positional = true;
    token.position = next_position;
    token.width = raw.width;
    next_position += raw.width;
    sink(token);
    const std::uint32_t first = token.position;
    token.role = TokenRole::Part;
    token.width = 1;
    for (RawPart& part : raw.parts) {
      token.begin = part.begin;
      token.end = part.end;
      token.position = first + part.offset;
      token.positional = part.positional;
      if (part.identifier) {
        set_identifier(std::move(part.canonical), *part.identifier);
      } else if (!set_word(part.begin, part.end, part.kind)) {
        continue;
      }
      sink(token);
    }
  });
}

}  // namespace dossier::analysis
