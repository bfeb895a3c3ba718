#include "dossier/analysis/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "dossier/analysis/utf8.h"

namespace dossier::analysis {
namespace {

// RAII for a UText opened over UTF-8 bytes; native indexes are then byte offsets.
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    text_ = utext_openUTF8(nullptr, bytes.data(), static_cast<int64_t>(bytes.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot open text: ") + u_errorName(status));
  }
  ~Utf8Text() { utext_close(text_); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
  UText* get() const noexcept { return text_; }

 private:
  UText* text_ = nullptr;
};

// Maps ICU's rule status ranges (UBRK_WORD_*) to a token kind; "none" is punctuation or space.
std::optional<TokenKind> kind_of(int32_t rule_status) noexcept {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::Number;
  if (rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT) return TokenKind::Word;
  if (rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_IDEO_LIMIT) return TokenKind::Ideographic;
  return std::nullopt;
}

}  // namespace

Tokenizer::Tokenizer() {
  UErrorCode status = U_ZERO_ERROR;
  prototype_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !prototype_) {
    throw std::runtime_error(std::string("cannot load ICU word break rules: ") + u_errorName(status));
  }
}

Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

namespace {

// True when the ICU word text[begin, end) holds a white-space character. UAX #29 puts U+202F
// NARROW NO-BREAK SPACE in ExtendNumLet (for Mongolian), so ICU glues "Emotet\u202Fand" into one
// word; French typography puts that space before ; : ! ? and inside guillemets.
bool holds_white_space(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  for (std::size_t i = begin; i < end; ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80 && white_space_length(text, i) > 0) return true;
  }
  return false;
}

}  // namespace

void Tokenizer::for_each_word(std::string_view text, std::size_t offset, const WordSink& sink) const {
  std::unique_ptr<icu::BreakIterator> words(prototype_->clone());
  if (!words) throw std::runtime_error("cannot clone ICU word break iterator");
  Utf8Text utext(text);
  UErrorCode status = U_ZERO_ERROR;
  words->setText(utext.get(), status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot segment text: ") + u_errorName(status));
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    const auto kind = kind_of(words->getRuleStatus());
    if (!kind) continue;
    const auto begin = static_cast<std::size_t>(start);
    const auto stop = static_cast<std::size_t>(end);
    if (!holds_white_space(text, begin, stop)) {
      sink(offset + begin, offset + stop, *kind);
      continue;
    }
    // Each piece between the spaces is segmented on its own (it holds no space, so once).
    for (std::size_t piece = begin; piece < stop;) {
      std::size_t piece_end = piece;
      while (piece_end < stop && white_space_length(text, piece_end) == 0)
        ++piece_end;
      if (piece_end > piece) for_each_word(text.substr(piece, piece_end - piece), offset + piece, sink);
      piece = piece_end + white_space_length(text, piece_end);
    }
  }
}

namespace {

// Where the code point at `i` (advancing `i` past it) separates the words ICU joins into one:
// connector punctuation (category Pc: "_", U+203F...) joins any word ICU sees (ExtendNumLet), and
// "." and ":" join letters (MidNumLet, MidLetter): "e.g", "present.We", "Gnome:Shell".
bool separates_words(std::string_view text, std::size_t& i, TokenKind kind) {
  const char c = text[i];
  if (static_cast<unsigned char>(c) < 0x80) {
    ++i;
    return c == '_' || (kind == TokenKind::Word && (c == '.' || c == ':'));
  }
  UChar32 code_point = 0;
  auto next = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), next, static_cast<int32_t>(text.size()), code_point);
  i = static_cast<std::size_t>(next);
  return code_point >= 0 && u_charType(code_point) == U_CONNECTOR_PUNCTUATION;
}

RawPart piece(std::size_t begin, std::size_t end) {
  RawPart part;
  part.begin = begin;
  part.end = end;
  return part;
}

bool all_digits(std::string_view text) {
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
    if (c < 0 || !u_isdigit(c)) return false;
  }
  return !text.empty();
}

// The words of the ICU word `token`, when it joins several (or hides one behind connectors:
// "__init__"), as its parts; `inside` are identifiers that start in it, each a part at the word
// it starts in.
void add_word_parts(std::string_view text, RawToken& token,
                    const std::vector<const IdentifierSpan*>& inside) {
  if (token.kind == TokenKind::Ideographic) return;
  const std::string_view word = text.substr(token.begin, token.end - token.begin);
  std::vector<RawPart> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < word.size();) {
    const std::size_t at = i;
    if (!separates_words(word, i, token.kind)) continue;
    if (at > start) pieces.push_back(piece(token.begin + start, token.begin + at));
    start = i;
  }
  const bool split = start > 0;
  if (split && start < word.size()) pieces.push_back(piece(token.begin + start, token.end));
  if (split) {
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      pieces[k].offset = static_cast<std::uint32_t>(k);
      pieces[k].kind = all_digits(text.substr(pieces[k].begin, pieces[k].end - pieces[k].begin))
                           ? TokenKind::Number
                           : TokenKind::Word;
    }
    token.width = static_cast<std::uint32_t>(std::max<std::size_t>(1, pieces.size()));
  }
  for (const IdentifierSpan* span : inside) {
    std::uint32_t offset = 0;
    for (const RawPart& piece : pieces) {
      if (piece.begin <= span->begin) offset = piece.offset;
    }
    RawPart part{span->begin, span->end, offset, TokenKind::Identifier, span->canonical, span->kind};
    const auto after =
        std::find_if(pieces.begin(), pieces.end(), [&](const RawPart& p) { return p.offset > offset; });
    pieces.insert(after, std::move(part));
  }
  token.parts = std::move(pieces);
}

// A whole identifier's token: its words and the identifiers inside it become parts.
RawToken identifier_token(IdentifierSpan&& span) {
  RawToken token{span.begin,   span.end, TokenKind::Identifier,
                 std::nullopt, {},       std::max<std::uint32_t>(1, span.words)};
  for (IdentifierPart& part : span.parts) {
    RawPart raw{part.begin,
                part.end,
                part.offset,
                TokenKind::Word,
                {},
                part.identifier,
                span.kind != IdentifierKind::Cve};
    if (part.identifier) {
      raw.kind = TokenKind::Identifier;
      raw.canonical = std::move(part.canonical);
    } else if (all_digits(part.canonical)) {
      raw.kind = TokenKind::Number;
    }
    token.parts.push_back(std::move(raw));
  }
  span.parts.clear();
  token.identifier = std::move(span);
  return token;
}

}  // namespace

void Tokenizer::for_each_token(std::string_view text, const std::function<void(RawToken&&)>& sink) const {
  if (text.empty()) return;
  std::vector<IdentifierSpan> identifiers = find_identifiers(text);
  auto next = identifiers.begin();
  std::size_t covered_until = 0;  // end of the last whole identifier emitted
  std::vector<const IdentifierSpan*> inside;
  for_each_word(text, 0, [&](std::size_t begin, std::size_t stop, TokenKind kind) {
    // Whole identifiers that start before this word ends come first, in text order.
    while (next != identifiers.end() && next->begin < stop) {
      if (next->placement == IdentifierPlacement::Whole) {
        covered_until = next->end;
        sink(identifier_token(std::move(*next)));
      } else if (next->begin >= begin) {
        break;  // starts in this word: one of its parts
      }
      ++next;
    }
    inside.clear();
    while (next != identifiers.end() && next->placement == IdentifierPlacement::Inside && next->begin < stop)
      inside.push_back(&*next++);
    // ICU words inside (or overlapping) a whole identifier are already covered by it.
    if (begin < covered_until) return;
    RawToken token;
    token.begin = begin;
    token.end = stop;
    token.kind = kind;
    add_word_parts(text, token, inside);
    sink(std::move(token));
  });
  for (; next != identifiers.end(); ++next) {
    if (next->placement == IdentifierPlacement::Whole) sink(identifier_token(std::move(*next)));
  }
}

std::vector<RawToken> Tokenizer::segment(std::string_view text) const {
  std::vector<RawToken> tokens;
  for_each_token(text, [&tokens](RawToken&& token) { tokens.push_back(std::move(token)); });
  return tokens;
}

}  // namespace dossier::analysis
