/// \file
/// Word segmentation: ICU UAX #29 words (dictionary-based for Chinese, Japanese, Thai) plus whole
/// identifiers, as byte spans of the input.
#pragma once

#include <unicode/uversion.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
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

/// A word, number or identifier inside a token, findable on its own: a word of an identifier
/// ("threat" of "norway-2024-threat-assessment.txt"), of a word ICU keeps whole ("invoice" of
/// "invoice_2024", "present" of "present.We"), or an identifier inside a longer run of text
/// ("cve-2021-44228" of "log4j-cve-2021-44228-hotpatch").
struct RawPart {
  std::size_t begin = 0;     ///< byte offset in the segmented text
  std::size_t end = 0;       ///< one past the last byte
  std::uint32_t offset = 0;  ///< which word of its token it starts at (0: the token's first word)
  TokenKind kind = TokenKind::Word;
  std::string canonical;                     ///< the identifier's indexed form, for `Identifier` parts
  std::optional<IdentifierKind> identifier;  ///< set exactly when `kind == Identifier`
  /// False for the words of a CVE id ("cve", year, number): findable, but not where a phrase
  /// would look for them (the id itself is); their positions would add ~10% to an index of CVE
  /// records and no phrase anyone types.
  bool positional = true;
};

/// One segment of the input: a word, or an identifier with its canonical form.
struct RawToken {
  std::size_t begin = 0;  ///< byte offset in the segmented text
  std::size_t end = 0;    ///< one past the last byte
  TokenKind kind = TokenKind::Word;
  std::optional<IdentifierSpan> identifier;  ///< set exactly when `kind == Identifier`
  std::vector<RawPart> parts;                ///< the words and identifiers inside it, in text order
  std::uint32_t width = 1;                   ///< the words it spans (word positions it takes), >= 1
};

/// Splits text into words and identifiers. Spaces, punctuation and symbols are dropped; every
/// white-space character (`is_white_space`: each Unicode space separator, U+200B...) ends a word,
/// also where UAX #29 would not break (U+202F between letters). A `Whole` identifier is one token
/// in place of the words ICU would see, with its words as parts; a word ICU keeps whole although
/// `_`, `.` or `:` joins words in it ("invoice_2024", "present.We") has those words as parts; an
/// identifier inside a run that is none is a part of the word it starts in.
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
