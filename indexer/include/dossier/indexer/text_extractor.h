/// \file
/// Plain-text extraction.
#pragma once

#include <string>
#include <string_view>

#include "dossier/indexer/extracted_document.h"

namespace dossier::indexer {

/// Longest title kept, in bytes (cut on a UTF-8 boundary).
inline constexpr std::size_t kMaxTitleBytes = 300;

/// Decodes the bytes of a text file to UTF-8, whatever its encoding:
/// - valid UTF-8 stays as it is (a byte order mark is dropped; with a UTF-8 mark, ill-formed bytes
///   become U+FFFD);
/// - a UTF-16LE/BE or UTF-32LE/BE byte order mark selects that encoding;
/// - otherwise bytes that are not UTF-8 (or that hold NUL bytes, as UTF-16 without a mark does) go
///   to ICU's charset detector: UTF-16/32 is accepted when the detector is nearly certain, a legacy
///   charset (ISO-8859-x, windows-125x, KOI8-R, Shift_JIS, GB18030, EUC-JP/KR, Big5) when it is
///   plausible, ISO-8859-1 being read as its superset windows-1252; anything else falls back to
///   windows-1252.
/// The result is always valid UTF-8. Never throws except `std::bad_alloc`.
std::string decode_text(std::string_view bytes);

/// How much of a decoded text `decode_text_file` judges, in bytes.
inline constexpr std::size_t kBinarySampleBytes = 64 * 1024;
/// A text is binary data when more than 1 in `kBinaryJunkShare` of the characters of its sample
/// are junk (controls other than white space and ESC, DEL, C1 controls, U+FFFD, unassigned or
/// private-use code points, noncharacters)...
inline constexpr std::size_t kBinaryJunkShare = 20;
/// ...and there are at least this many of them (a few stray control bytes in a short note are not).
inline constexpr std::size_t kMinBinaryJunk = 16;

/// Decodes a text file with `decode_text`, and refuses bytes that are not text: when the decoded
/// sample is binary (see `kBinaryJunkShare`; random bytes, an executable or an archive named
/// ".txt"), it is tried as UTF-16 without a byte order mark if every other byte is NUL, and
/// otherwise throws `ExtractionError("binary data, not text")`. Legacy-encoded text, UTF-16/32 and
/// text with a few stray control bytes are text.
std::string decode_text_file(std::string_view bytes);

/// Reads plain text (decoded with `decode_text_file`), line breaks kept; the title is `text_title`.
/// Throws `ExtractionError` for binary data, and on nothing else.
ExtractedDocument extract_plain_text(std::string_view bytes);

/// The first non-empty line of `text`, trimmed of surrounding white space and cut to
/// `kMaxTitleBytes`; empty when there is none.
std::string first_line_title(std::string_view text);

/// Longest line that can be a title of a plain text, in bytes.
inline constexpr std::size_t kMaxTitleLineBytes = 150;

/// How many of a text's first non-empty lines are looked at for a title.
inline constexpr std::size_t kTitleLines = 5;

/// The title of a plain text: among its first `kTitleLines` non-empty lines that are not only a
/// byline and/or a date (`is_byline_or_date_line`), the first that reads like a title: at most
/// `kMaxTitleLineBytes`, not a sentence (no ". " inside, not ending in ".", "," or ";"; a question
/// is fine). When none does, the first such line shortened on a word boundary with "…". Empty when
/// the text has no such line.
std::string text_title(std::string_view text);

}  // namespace dossier::indexer
