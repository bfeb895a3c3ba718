#include "dossier/indexer/text_extractor.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/text_lines.h"
#include "dossier/indexer/text_metadata.h"

namespace dossier::indexer {
namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const noexcept { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const noexcept { ucsdet_close(detector); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

// The detector only needs a sample; ICU takes int32_t lengths anyway.
constexpr std::size_t kDetectionSampleBytes = 64 * 1024;

// ucsdet's confidence is 0..100; UTF-16/32 without a byte order mark is accepted only when ICU's
// zero-byte pattern check is close to certain, since valid UTF-8 with NULs is otherwise kept.
constexpr int32_t kWideCharsetConfidence = 80;
constexpr int32_t kLegacyCharsetConfidence = 10;

struct ByteOrderMark {
  std::string_view bytes;
  const char* charset;
};

// UTF-32LE's mark starts with UTF-16LE's, so it is checked first.
constexpr std::array<ByteOrderMark, 4> kWideMarks{{{std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
                                                   {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
                                                   {"\xFF\xFE", "UTF-16LE"},
                                                   {"\xFE\xFF", "UTF-16BE"}}};

// Converts `bytes` from `charset` to UTF-8 with ICU, streaming through a pivot buffer so that memory
// stays proportional to the output. Ill-formed or unmapped input becomes ICU's substitution
// character. Returns nullopt when ICU does not know the charset or fails.
std::optional<std::string> convert_to_utf8(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  const ConverterPtr source(ucnv_open(charset, &status));
  const ConverterPtr target(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  std::array<char, 64 * 1024> buffer{};
  std::array<UChar, 4096> pivot{};
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  const char* in = bytes.data();
  bool first_call = true;
  for (;;) {
    char* written = buffer.data();
    status = U_ZERO_ERROR;
    ucnv_convertEx(target.get(), source.get(), &written, buffer.data() + buffer.size(), &in,
                   bytes.data() + bytes.size(), pivot.data(), &pivot_source, &pivot_target,
                   pivot.data() + pivot.size(), first_call, true, &status);
    first_call = false;
    out.append(buffer.data(), static_cast<std::size_t>(written - buffer.data()));
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
  }
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

bool is_wide_charset(std::string_view name) noexcept {
  return name.starts_with("UTF-16") || name.starts_with("UTF-32");
}

// Charsets ucsdet can name that are plausible for bytes that are not UTF-8. EBCDIC (IBM420/424)
// and the 7-bit ISO-2022 family cannot be right for such bytes, so they count as nonsense.
bool is_plausible_legacy_charset(std::string_view name) noexcept {
  return name.starts_with("ISO-8859-") || name.starts_with("windows-125") || name == "KOI8-R" ||
         name == "Shift_JIS" || name == "GB18030" || name == "EUC-JP" || name == "EUC-KR" || name == "Big5";
}

// What ICU's detector makes of the start of `bytes`: a charset name accepted by the rules above, or
// nullopt. "UTF-8" is never accepted: bytes get here only when they are not (mostly) UTF-8.
std::optional<std::string> detect_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  const DetectorPtr detector(ucsdet_open(&status));
  const std::string_view sample = bytes.substr(0, kDetectionSampleBytes);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return std::nullopt;
  const char* name = ucsdet_getName(match, &status);
  const int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr) return std::nullopt;
  const std::string_view charset(name);
  if (is_wide_charset(charset)) {
    if (confidence >= kWideCharsetConfidence) return std::string(charset);
    return std::nullopt;
  }
  if (confidence < kLegacyCharsetConfidence || !is_plausible_legacy_charset(charset)) return std::nullopt;
  // Browsers read "ISO-8859-1" as windows-1252: same letters, plus curly quotes and dashes in
  // 0x80..0x9F where ISO-8859-1 has invisible C1 controls.
  if (charset == "ISO-8859-1") return std::string("windows-1252");
  return std::string(charset);
}

// True when `bytes` look like UTF-8 with a few damaged bytes rather than another charset: well-formed
// multi-byte sequences (which text in a legacy charset almost never forms by chance) outnumber the
// ill-formed bytes at least four to one. ICU's detector gives such text a low UTF-8 confidence and
// may pick a legacy charset, which would garble every correct character.
bool is_mostly_utf8(std::string_view bytes) noexcept {
  const std::string_view sample = bytes.substr(0, kDetectionSampleBytes);
  const auto* data = reinterpret_cast<const uint8_t*>(sample.data());
  const auto length = static_cast<int32_t>(sample.size());
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
  for (int32_t i = 0; i < length;) {
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(data, i, length, c);
    ++(c < 0 ? invalid : multibyte);
  }
  return multibyte > 0 && multibyte >= 4 * invalid;
}

// ICU output is well-formed already; the repair is a guarantee that costs one scan.
std::string ensure_utf8(std::string text) {
  if (analysis::is_valid_utf8(text)) return text;
  return analysis::repair_utf8(text);
}

}  // namespace

std::string first_line_title(std::string_view text) {
  for (std::string_view line : TextLines(text)) {
    const std::string_view trimmed = trim(line);
    if (!trimmed.empty()) return std::string(analysis::utf8_prefix(trimmed, kMaxTitleBytes));
  }
  return {};
}

namespace {

// A heading rather than a sentence: short, no full stop inside, no sentence punctuation at the end.
bool reads_like_title(std::string_view line) {
  if (line.size() > kMaxTitleLineBytes || line.find(". ") != std::string_view::npos) return false;
  const char last = line.back();
  return last != '.' && last != ',' && last != ';';
}

// The start of a long line, cut after a whole word, with an ellipsis.
std::string shortened(std::string_view line) {
  if (line.size() <= kMaxTitleLineBytes) return std::string(line);
  std::string_view cut = analysis::utf8_prefix(line, kMaxTitleLineBytes);
  const std::size_t space = cut.rfind(' ');
  if (space != std::string_view::npos && space > kMaxTitleLineBytes / 2) cut = cut.substr(0, space);
  while (!cut.empty() && (cut.back() == ',' || cut.back() == ';' || cut.back() == ':'))
    cut.remove_suffix(1);
  return std::string(cut) + "\u2026";
}

}  // namespace

std::string text_title(std::string_view text) {
  std::optional<std::string_view> first;
  std::size_t seen = 0;
  for (std::string_view line : TextLines(text)) {
    const std::string_view trimmed = trim(line);
    if (trimmed.empty() || is_byline_or_date_line(trimmed)) continue;
    if (!first) first = trimmed;
    if (reads_like_title(trimmed)) return std::string(trimmed);
    if (++seen == kTitleLines) break;
  }
  return first ? shortened(*first) : std::string();
}

std::string decode_text(std::string_view bytes) {
  constexpr std::string_view kUtf8Mark = "\xEF\xBB\xBF";
  if (bytes.starts_with(kUtf8Mark)) return analysis::repair_utf8(bytes.substr(kUtf8Mark.size()));
  for (const ByteOrderMark& mark : kWideMarks) {
    if (!bytes.starts_with(mark.bytes)) continue;
    if (auto text = convert_to_utf8(bytes.substr(mark.bytes.size()), mark.charset)) {
      return ensure_utf8(std::move(*text));
    }
    break;
  }
  const bool valid = analysis::is_valid_utf8(bytes);
  // NUL bytes are valid UTF-8 but no text file has them: they hint at UTF-16 without a mark.
  if (valid && bytes.find('\0') == std::string_view::npos) return std::string(bytes);
  if (!valid && is_mostly_utf8(bytes)) return analysis::repair_utf8(bytes);
  const std::optional<std::string> charset = detect_charset(bytes);
  if (valid && (!charset || !is_wide_charset(*charset))) return std::string(bytes);
  if (charset) {
    if (auto text = convert_to_utf8(bytes, charset->c_str())) return ensure_utf8(std::move(*text));
  }
  if (auto text = convert_to_utf8(bytes, "windows-1252")) return ensure_utf8(std::move(*text));
  return analysis::repair_utf8(bytes);
}

namespace {

// Characters no text holds more than a few of: controls other than white space and ESC (terminal
// logs colour with it), DEL, C1 controls, U+FFFD (bytes no charset decoded), unassigned and
// private-use code points, noncharacters.
bool is_junk(UChar32 c) noexcept {
  if (c < 0x20) return !analysis::is_white_space(c) && c != 0x1B;
  if (c < 0x7F) return false;
  if (c < 0xA0) return true;
  if (c == 0xFFFD || U_IS_UNICODE_NONCHAR(c)) return true;
  const auto type = static_cast<UCharCategory>(u_charType(c));
  return type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE;
}

// True when the start of the decoded `text` is mostly not text: random bytes decoded as
// windows-1252 are 13% junk, an executable half; real text, even with stray control bytes, under 1%.
bool looks_binary(std::string_view text) {
  const std::string_view sample = analysis::utf8_prefix(text, kBinarySampleBytes);
  const auto* data = reinterpret_cast<const uint8_t*>(sample.data());
  const auto length = static_cast<int32_t>(sample.size());
  std::size_t characters = 0;
  std::size_t junk = 0;
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(data, i, length, c);
    ++characters;
    if (is_junk(c)) ++junk;
  }
  return junk >= kMinBinaryJunk && junk * kBinaryJunkShare > characters;
}

// The plausible charsets ICU's detector names for `bytes`, most confident first (see
// `detect_charset`), then windows-1252, which maps all but five bytes.
std::vector<std::string> candidate_charsets(std::string_view bytes) {
  std::vector<std::string> charsets;
  UErrorCode status = U_ZERO_ERROR;
  const DetectorPtr detector(ucsdet_open(&status));
  const std::string_view sample = bytes.substr(0, kDetectionSampleBytes);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_SUCCESS(status) && name != nullptr && is_plausible_legacy_charset(name))
      charsets.emplace_back(name);
  }
  charsets.emplace_back("windows-1252");
  return charsets;
}

// UTF-16 without a byte order mark that ICU's detector was unsure of (a short file) has a NUL in
// nearly every other byte: the high byte of each Latin character.
std::optional<std::string> as_unmarked_utf16(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, kDetectionSampleBytes);
  std::array<std::size_t, 2> nuls{};
  for (std::size_t i = 0; i < sample.size(); ++i) {
    if (sample[i] == '\0') ++nuls[i % 2];
  }
  const std::size_t pairs = sample.size() / 2;
  for (std::size_t odd = 0; odd < 2; ++odd) {
    if (pairs > 0 && nuls[odd] * 10 >= pairs * 8 && nuls[1 - odd] * 10 < pairs) {
      if (auto text = convert_to_utf8(bytes, odd == 1 ? "UTF-16LE" : "UTF-16BE"))
        return ensure_utf8(std::move(*text));
    }
  }
  return std::nullopt;
}

}  // namespace

std::string decode_text_file(std::string_view bytes) {
  std::string text = decode_text(bytes);
  if (!looks_binary(text)) return text;
  // Before calling bytes binary, every other plausible reading is tried: the detector's best
  // guess can be a charset that leaves holes (U+FFFD) in text written in another one.
  if (auto wide = as_unmarked_utf16(bytes); wide && !looks_binary(*wide)) return std::move(*wide);
  if (!analysis::is_valid_utf8(bytes)) {
    for (const std::string& charset : candidate_charsets(bytes)) {
      auto other = convert_to_utf8(bytes, charset.c_str());
      if (other && !looks_binary(*other)) return ensure_utf8(std::move(*other));
    }
  }
  throw ExtractionError("binary data, not text");
}

ExtractedDocument extract_plain_text(std::string_view bytes) {
  ExtractedDocument document;
  document.text = decode_text_file(bytes);
  document.title = text_title(document.text);
  return document;
}

}  // namespace dossier::indexer
