/// \file
/// The tokens a tagging session keeps around its cursor, and what the text between them says:
/// capitals, sentence starts, words glued to a name, paths. Private to the entity tagger.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/analysis/analyzer.h"

namespace dossier::analysis {

/// A surface as a reader would quote it: runs of white space (line breaks included) become one space.
std::string collapse_spaces(std::string_view text);

/// A word without an elided article before it ("L’ANSSI" -> "ANSSI", "d'Iran" -> "Iran").
std::string_view bare_word(std::string_view word);

/// True when `gap` is one or more ASCII spaces and nothing else.
bool only_spaces(std::string_view gap) noexcept;

/// A sliding window of primary tokens over one text: `buffer[0]` has global index `base`.
/// Indices taken by the methods are buffer indices.
struct TokenWindow {
  std::string_view text;
  std::vector<Token> buffer;
  std::size_t base = 0;

  /// The token's bytes in the text.
  std::string_view surface(const Token& token) const {
    return text.substr(token.begin, token.end - token.begin);
  }
  /// The text from the first byte of `buffer[first]` to the last of `buffer[first + length - 1]`.
  std::string_view span(std::size_t first, std::size_t length) const;
  /// True when the token starts with an upper-case letter.
  bool capitalized(const Token& token) const;
  /// The text between two tokens (empty when they touch or overlap).
  std::string_view gap(const Token& left, const Token& right) const {
    return right.begin >= left.end ? text.substr(left.end, right.begin - left.end) : std::string_view{};
  }
  /// True when `buffer[i]` starts a sentence: nothing before it, or sentence punctuation or a line
  /// break between it and the word before.
  bool starts_sentence(std::size_t i) const;
  /// The word right after `length` tokens at `first`, when only spaces or a hyphen separate them.
  const Token* following(std::size_t first, std::size_t length) const;
  /// A name of `length` tokens at `first` glued by spaces to a capitalised word before or after it
  /// that is not a context word: part of another name ("Cobalt Strike", "Michael Jordan").
  bool glued(std::size_t first, std::size_t length) const {
    return glued_after(first, length) || glued_before(first);
  }
  /// The capitalised word is after the name.
  bool glued_after(std::size_t first, std::size_t length) const;
  /// The capitalised word is before the name (not at a sentence start).
  bool glued_before(std::size_t first) const;
  /// A name glued to a backslash, or before "/digits": a path, registry key or user agent.
  bool in_path(std::size_t first, std::size_t length) const;
  /// A two-character name that is a hex byte beside other hex bytes ("45 F5 5D"): a dump.
  bool in_hex_dump(std::size_t first, std::size_t length) const;
  /// The word right before `buffer[first]`, a space apart, is a number ("32 BIT"): a unit.
  bool after_number(std::size_t first) const;
  /// A name after "follow us on", "share on", "find us on"...: a site's footer, not a mention.
  bool after_follow_us(std::size_t first) const;
  /// How many capitalised words, one space apart, start at `buffer[from]` (at most `max`).
  std::size_t capitalized_run(std::size_t from, std::size_t max) const;
  /// When `buffer[at]` opens "(ACR)" (an acronym of 2-8 capitals and digits in parentheses right
  /// after the previous word), the acronym's buffer index.
  std::optional<std::size_t> parenthesised_acronym(std::size_t at) const;
  /// A name inside markup labels: an image's alternative text ("![Google search result](...)")
  /// or a link's title after its address ("(https://x.example/ "Twitter")").
  bool in_markup_label(std::size_t first) const;
};

}  // namespace dossier::analysis
