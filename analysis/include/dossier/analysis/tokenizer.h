/// \file
/// Word segmentation: ICU UAX #29 words (dictionary-based for Chinese, Japanese, Thai) plus whole
/// identifiers, as byte spans of the input.
#pragma once

#include <unicode/uversion.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "dossier/analysis/identifier_scanner.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace dossier::analysis {

/// The script class of a token, from ICU's word-break rule status.
enum class TokenKind {
  Word,         ///< letters (Latin, Cyrillic, Thai, Hangul...): stemmed
  Number,       ///< digits, with inner separators ("3.5", "2024")
  Ideographic,  ///< Han or kana, segmented with ICU's dictionaries: never stemmed
  Identifier,   ///< a CVE id, IP address, domain or hash found by `find_identifiers`
};

/// One segment of the input: a word, or an identifier with its canonical form.
struct RawToken {
  std::size_t begin = 0;  ///< byte offset in the segmented text
  std::size_t end = 0;    ///< one past the last byte
  TokenKind kind = TokenKind::Word;
  std::optional<IdentifierSpan> identifier;  ///< set exactly when `kind == Identifier`
};

/// Splits text into words and identifiers. Spaces, punctuation and symbols are dropped; every
/// white-space character (`is_white_space`: each Unicode space separator, U+200B...) ends a word,
/// also where UAX #29 would not break (U+202F between letters).
///
/// Thread-safe: `segment` clones a prototype ICU BreakIterator for each call, because a
/// BreakIterator carries iteration state.
class Tokenizer {
 public:
  /// Throws `std::runtime_error` when ICU's break rules cannot be loaded.
  Tokenizer();
  ~Tokenizer();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  /// Calls `sink` with each token of `text` in order. `text` should be valid UTF-8 (see
  /// `repair_utf8`); ill-formed bytes are read as U+FFFD and never cause an error. Memory use does
  /// not grow with the number of tokens. Throws `std::runtime_error` if ICU fails.
  void for_each_token(std::string_view text, const std::function<void(RawToken&&)>& sink) const;

  /// The tokens of `text` in order (see `for_each_token`). Empty input gives no tokens.
  std::vector<RawToken> segment(std::string_view text) const;

 private:
  using WordSink = std::function<void(std::size_t begin, std::size_t end, TokenKind kind)>;

  // ICU's words of `text` (which starts `offset` bytes into the whole text), each cut at white
  // space (`is_white_space`), with offsets into the whole text.
  void for_each_word(std::string_view text, std::size_t offset, const WordSink& sink) const;

  std::unique_ptr<icu::BreakIterator> prototype_;
};

}  // namespace dossier::analysis
