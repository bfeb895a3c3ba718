/// \file
/// The one text pipeline: segmentation, folding, stemming and term bounding, used for documents at
/// index time and for queries at search time, so that both always agree on what a term is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/identifier_scanner.h"
#include "dossier/analysis/normalizer.h"
#include "dossier/analysis/tokenizer.h"

namespace dossier::analysis {

/// Whether a token is a word of the text or a findable piece of the token before it.
enum class TokenRole {
  Primary,  ///< a word or identifier of the text: takes the next `width` word positions
  Part,     ///< a word or identifier inside the primary token before it ("evil" of "evil.example.com",
            ///< "invoice" of "invoice_2024", "cve-2021-44228" of "log4j-cve-2021-44228-hotpatch"):
            ///< at the position of its own word within that token
};

/// One analysed token.
struct Token {
  std::string term;  ///< folded, bounded form: the unprefixed index term
  std::string stem;  ///< stemmed form for `TokenKind::Word` (bounded); empty for other kinds
  /// 1-based word position. A primary token of several words (a domain, "invoice_2024") takes one
  /// position per word, each of its parts the position of its own word, so phrases match the whole
  /// token or the words in it: "evil.example.com" at 5 has "evil" at 5, "example" at 6, "com" at 7,
  /// and the next word is at 8.
  std::uint32_t position = 0;
  std::uint32_t width = 1;  ///< word positions the token takes (1 for a part)
  /// Whether the index keeps `position` for the term (phrases, NEAR); false only for the words of
  /// a CVE id (see `RawPart::positional`).
  bool positional = true;
  std::size_t begin = 0;  ///< byte offset in the analysed text
  std::size_t end = 0;    ///< one past the last byte
  TokenKind kind = TokenKind::Word;
  TokenRole role = TokenRole::Primary;
  std::optional<IdentifierKind> identifier;  ///< set for `TokenKind::Identifier`
};

/// Settings for an `Analyzer`.
struct AnalyzerOptions {
  /// Snowball stemmer used when a call does not name one: an ISO 639-1 code or a Xapian stemmer
  /// name ("en", "norwegian"); "none" or "" turns stemming off.
  std::string default_language = "en";
};

/// Turns text into tokens: ICU segmentation (`Tokenizer`), `Normalizer` folding, English
/// possessives and French/Italian elisions removed ("China's" -> "china", "l'espionnage" ->
/// "espionnage"), Snowball stemming of letter words, and `bound_term` on every term.
///
/// Thread-safe: every call builds its own stemmer and break iterator clone.
class Analyzer {
 public:
  /// Throws `std::runtime_error` when ICU data cannot be loaded.
  explicit Analyzer(AnalyzerOptions options = {});

  /// Analyses `text` (valid UTF-8 expected; ill-formed bytes are read as U+FFFD) with the default
  /// stemmer. Empty or punctuation-only text gives no tokens.
  std::vector<Token> analyze(std::string_view text) const;

  /// Same, stemming with `language` (unknown names fall back to no stemming).
  std::vector<Token> analyze(std::string_view text, std::string_view language) const;

  /// Streams the tokens of `text` to `sink` in order, stemming with `language`; memory use does
  /// not grow with the length of the text. The token passed is only valid during the call.
  void for_each_token(std::string_view text, std::string_view language,
                      const std::function<void(const Token&)>& sink) const;

  /// The folded form of a single word, as it would be indexed (no stemming).
  std::string fold(std::string_view word) const;

  /// The stem of a folded letter word in `language` (what `Token::stem` would hold had the text been
  /// analysed in that language); the term itself for an unknown language.
  std::string stem(const std::string& term, std::string_view language) const;

  const AnalyzerOptions& options() const noexcept { return options_; }

 private:
  AnalyzerOptions options_;
  Tokenizer tokenizer_;
  Normalizer normalizer_;
};

}  // namespace dossier::analysis
