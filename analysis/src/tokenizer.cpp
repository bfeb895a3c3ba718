#include "dossier/analysis/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

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

void Tokenizer::for_each_token(std::string_view text, const std::function<void(RawToken&&)>& sink) const {
  if (text.empty()) return;
  std::vector<IdentifierSpan> identifiers = find_identifiers(text);
  auto next_identifier = identifiers.begin();
  std::size_t covered_until = 0;  // end of the last identifier emitted
  auto emit_identifier = [&] {
    covered_until = next_identifier->end;
    sink({next_identifier->begin, next_identifier->end, TokenKind::Identifier, std::move(*next_identifier)});
    ++next_identifier;
  };
  for_each_word(text, 0, [&](std::size_t begin, std::size_t stop, TokenKind kind) {
    // Identifiers that start before this word ends come first, in text order.
    while (next_identifier != identifiers.end() && next_identifier->begin < stop)
      emit_identifier();
    // ICU words inside (or overlapping) an identifier are already covered by it.
    if (begin < covered_until) return;
    sink({begin, stop, kind, std::nullopt});
  });
  while (next_identifier != identifiers.end())
    emit_identifier();
}

std::vector<RawToken> Tokenizer::segment(std::string_view text) const {
  std::vector<RawToken> tokens;
  for_each_token(text, [&tokens](RawToken&& token) { tokens.push_back(std::move(token)); });
  return tokens;
}

}  // namespace dossier::analysis
