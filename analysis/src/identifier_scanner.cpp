#include "dossier/analysis/identifier_scanner.h"

#include <arpa/inet.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>

namespace dossier::analysis {
namespace {

bool is_ascii_alnum(char c) noexcept {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool is_ascii_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
bool is_ascii_hex(char c) noexcept {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool is_run_char(char c) noexcept {
  return is_ascii_alnum(c) || c == '.' || c == '-' || c == '_' || c == ':';
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Length of a defanged dot ("[.]" or "(.)") starting at `i`, or 0.
std::size_t defanged_dot_length(std::string_view text, std::size_t i) noexcept {
  if (i + 3 > text.size() || text[i + 1] != '.') return 0;
  if ((text[i] == '[' && text[i + 2] == ']') || (text[i] == '(' && text[i + 2] == ')')) return 3;
  return 0;
}

// True when the code point at or before a run edge is a letter or digit of a script that is
// written next to ASCII inside words (Latin, Greek, Cyrillic): then the run is part of a larger
// word, not an identifier. CJK or punctuation beside an identifier does not glue it.
bool glues_to_word(UChar32 c) noexcept {
  if (c < 0 || !u_isalnum(c)) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) &&
         (script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC);
}

bool glued_before(std::string_view text, std::size_t begin) noexcept {
  if (begin == 0 || static_cast<unsigned char>(text[begin - 1]) < 0x80) return false;
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(begin);
  UChar32 c = 0;
  U8_PREV(data, 0, i, c);
  return glues_to_word(c);
}

bool glued_after(std::string_view text, std::size_t end) noexcept {
  if (end >= text.size() || static_cast<unsigned char>(text[end]) < 0x80) return false;
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(end);
  UChar32 c = 0;
  U8_NEXT(data, i, static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX)), c);
  return glues_to_word(c);
}

// A candidate: the raw span and its text with defanged dots restored. `raw_ends[k]` is the raw
// offset just past the k-th character of `text`, so cuts in `text` map back to the raw span.
struct Candidate {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
  std::vector<std::size_t> raw_ends;

  void truncate(std::size_t length) {
    text.resize(length);
    raw_ends.resize(length);
    end = length == 0 ? begin : raw_ends.back();
  }
};

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return out;
    start = pos + 1;
  }
}

bool all_of(std::string_view s, bool (*pred)(char) noexcept) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [pred](char c) { return pred(c); });
}

std::optional<IdentifierSpan> as_cve(const Candidate& c) {
  const std::vector<std::string> fields = split(c.text, '-');
  if (fields.size() != 3 || to_lower(fields[0]) != "cve") return std::nullopt;
  if (fields[1].size() != 4 || !all_of(fields[1], is_ascii_digit)) return std::nullopt;
  if (fields[2].size() < 4 || fields[2].size() > 8 || !all_of(fields[2], is_ascii_digit)) return std::nullopt;
  return IdentifierSpan{c.begin, c.end, IdentifierKind::Cve, to_lower(c.text), {}};
}

std::optional<IdentifierSpan> as_ipv4(const Candidate& c) {
  const std::vector<std::string> octets = split(c.text, '.');
  if (octets.size() != 4) return std::nullopt;
  for (const std::string& octet : octets) {
    if (octet.size() > 3 || !all_of(octet, is_ascii_digit) || std::stoi(octet) > 255) return std::nullopt;
  }
  return IdentifierSpan{c.begin, c.end, IdentifierKind::Ipv4, c.text, {}};
}

std::optional<IdentifierSpan> as_ipv6(const Candidate& c) {
  if (std::count(c.text.begin(), c.text.end(), ':') < 2 || c.text.size() > 45) return std::nullopt;
  std::array<unsigned char, 16> address{};
  if (inet_pton(AF_INET6, c.text.c_str(), address.data()) != 1) return std::nullopt;
  std::array<char, INET6_ADDRSTRLEN> canonical{};
  if (inet_ntop(AF_INET6, address.data(), canonical.data(), canonical.size()) == nullptr) return std::nullopt;
  return IdentifierSpan{c.begin, c.end, IdentifierKind::Ipv6, canonical.data(), {}};
}

std::optional<IdentifierSpan> as_hash(const Candidate& c) {
  if (!all_of(c.text, is_ascii_hex)) return std::nullopt;
  // A run of hex letters only ("deadbeefcafe...") is far more often a word than a hash.
  if (std::none_of(c.text.begin(), c.text.end(), [](char ch) { return is_ascii_digit(ch); }))
    return std::nullopt;
  IdentifierKind kind{};
  switch (c.text.size()) {
    case 32:
      kind = IdentifierKind::Md5;
      break;
    case 40:
      kind = IdentifierKind::Sha1;
      break;
    case 64:
      kind = IdentifierKind::Sha256;
      break;
    case 128:
      kind = IdentifierKind::Sha512;
      break;
    default:
      return std::nullopt;
  }
  return IdentifierSpan{c.begin, c.end, kind, to_lower(c.text), {}};
}

bool is_domain_label(std::string_view label) noexcept {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char ch) { return is_ascii_alnum(ch) || ch == '-'; });
}

// The top-level label is alphabetic and in one case: "example.com", "EXAMPLE.COM" and
// "Etterretningstjenesten.no" are domains, but "present.We" (a missing space) is not.
bool is_top_level_label(std::string_view label) noexcept {
  if (label.size() < 2 || label.size() > 24) return false;
  const bool lower = std::all_of(label.begin(), label.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
  const bool upper = std::all_of(label.begin(), label.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
  return lower || upper;
}

std::optional<IdentifierSpan> as_domain(const Candidate& c) {
  if (c.text.size() > 253) return std::nullopt;
  const std::vector<std::string> labels = split(c.text, '.');
  if (labels.size() < 2 || !is_top_level_label(labels.back())) return std::nullopt;
  if (!std::all_of(labels.begin(), labels.end(), [](const std::string& l) { return is_domain_label(l); })) {
    return std::nullopt;
  }
  return IdentifierSpan{c.begin, c.end, IdentifierKind::Domain, to_lower(c.text), {}};
}

std::optional<IdentifierSpan> classify(const Candidate& c) {
  if (c.text.empty()) return std::nullopt;
  for (auto* matcher : {as_cve, as_ipv4, as_hash, as_ipv6, as_domain}) {
    if (auto span = matcher(c)) return span;
  }
  return std::nullopt;
}

// "host:port" and "host:" (end of a clause) name the host: retry with what precedes the colon.
std::optional<IdentifierSpan> classify_with_port(const Candidate& c) {
  if (auto span = classify(c)) return span;
  const std::size_t colon = c.text.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  const std::string_view rest = std::string_view(c.text).substr(colon + 1);
  if (!rest.empty() && !all_of(rest, is_ascii_digit)) return std::nullopt;
  Candidate host = c;
  host.truncate(colon);
  return classify(host);
}

// Trailing punctuation ends sentences and clauses, it is not part of an identifier.
void trim_trailing(Candidate& c) {
  std::size_t length = c.text.size();
  while (length > 0 && (c.text[length - 1] == '.' || c.text[length - 1] == '-' || c.text[length - 1] == ':' ||
                        c.text[length - 1] == '_')) {
    --length;
  }
  c.truncate(length);
}

}  // namespace

std::string_view identifier_kind_name(IdentifierKind kind) noexcept {
  switch (kind) {
    case IdentifierKind::Cve:
      return "cve";
    case IdentifierKind::Ipv4:
      return "ipv4";
    case IdentifierKind::Ipv6:
      return "ipv6";
    case IdentifierKind::Domain:
      return "domain";
    case IdentifierKind::Md5:
      return "md5";
    case IdentifierKind::Sha1:
      return "sha1";
    case IdentifierKind::Sha256:
      return "sha256";
    case IdentifierKind::Sha512:
      return "sha512";
  }
  return "unknown";
}

namespace {

// Plain words are by far the most common runs: only a run with a separator, or one as long as a
// hash, can be an identifier, so everything else is rejected before any allocation.
bool may_hold_identifier(std::string_view raw) noexcept {
  if (raw.size() < 4 || raw.size() > kMaxIdentifierRunBytes) return false;
  if (raw.find_first_of(".:-_[(") != std::string_view::npos) return true;
  return raw.size() == 32 || raw.size() == 40 || raw.size() == 64 || raw.size() == 128;
}

// Collects the run starting at `begin` (and ending at `limit` at the latest), restoring defanged
// dots.
Candidate read_run(std::string_view text, std::size_t begin, std::size_t limit) {
  Candidate candidate{begin, begin, {}, {}};
  std::size_t j = begin;
  text = text.substr(0, limit);
  while (j < text.size()) {
    if (is_run_char(text[j])) {
      candidate.text.push_back(text[j]);
      ++j;
    } else if (const std::size_t dot = defanged_dot_length(text, j); dot > 0 && j > begin) {
      candidate.text.push_back('.');
      j += dot;
    } else {
      break;
    }
    candidate.raw_ends.push_back(j);
  }
  candidate.end = j;
  return candidate;
}

std::size_t run_end(std::string_view text, std::size_t begin) noexcept {
  std::size_t j = begin;
  while (j < text.size()) {
    if (is_run_char(text[j])) {
      ++j;
    } else if (const std::size_t dot = defanged_dot_length(text, j); dot > 0 && j > begin) {
      j += dot;
    } else {
      break;
    }
  }
  return j;
}

}  // namespace

namespace {

// A word of a run: letters and digits between separators.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::vector<Word> words_in(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Word> words;
  for (std::size_t i = begin; i < end;) {
    if (!is_ascii_alnum(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < end && is_ascii_alnum(text[i]))
      ++i;
    words.push_back({start, i});
  }
  return words;
}

bool is_digits(std::string_view s, std::size_t min, std::size_t max) noexcept {
  return s.size() >= min && s.size() <= max && all_of(s, is_ascii_digit);
}

// The CVE id whose "cve" is `words[i]` ("cve", year and number joined by single hyphens), if any.
std::optional<IdentifierSpan> cve_at(std::string_view text, const std::vector<Word>& words, std::size_t i) {
  if (i + 2 >= words.size()) return std::nullopt;
  const auto word = [&](std::size_t k) { return text.substr(words[k].begin, words[k].end - words[k].begin); };
  const auto hyphen_before = [&](std::size_t k) {
    return words[k].begin == words[k - 1].end + 1 && text[words[k - 1].end] == '-';
  };
  if (to_lower(word(i)) != "cve" || !hyphen_before(i + 1) || !hyphen_before(i + 2)) return std::nullopt;
  if (!is_digits(word(i + 1), 4, 4) || !is_digits(word(i + 2), 4, 8)) return std::nullopt;
  const std::size_t begin = words[i].begin;
  const std::size_t end = words[i + 2].end;
  return IdentifierSpan{begin, end, IdentifierKind::Cve,        to_lower(text.substr(begin, end - begin)),
                        {},    3,   IdentifierPlacement::Inside};
}

// A whole identifier's words and the CVE ids among them, so that "norway" finds
// "norway-2024-threat-assessment.txt" and CVE-2021-44228 finds "log4j-cve-2021-44228-hotpatch.zip".
// An address or a hash is one word: its octets and digits are not words anyone searches for.
void describe_words(std::string_view text, IdentifierSpan& span) {
  if (span.kind != IdentifierKind::Cve && span.kind != IdentifierKind::Domain) return;
  const std::vector<Word> words = words_in(text, span.begin, span.end);
  if (words.size() < 2) return;
  span.words = static_cast<std::uint32_t>(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto offset = static_cast<std::uint32_t>(i);
    span.parts.push_back({words[i].begin, words[i].end, offset,
                          to_lower(text.substr(words[i].begin, words[i].end - words[i].begin)),
                          std::nullopt});
    if (span.kind == IdentifierKind::Cve) continue;
    if (auto cve = cve_at(text, words, i)) {
      span.parts.push_back({cve->begin, cve->end, offset, std::move(cve->canonical), IdentifierKind::Cve});
    }
  }
}

// The identifier that text[begin, end) is, as an `Inside` one; only identifiers of several words
// count (a hash inside a run is a word of the run already, with the same term).
std::optional<IdentifierSpan> inside_identifier(std::string_view text, std::size_t begin, std::size_t end) {
  Candidate candidate = read_run(text, begin, end);
  trim_trailing(candidate);
  auto span = classify(candidate);
  if (!span || span->kind == IdentifierKind::Cve || words_in(text, span->begin, span->end).size() < 2) {
    return std::nullopt;
  }
  span->placement = IdentifierPlacement::Inside;
  return span;
}

// The ends of the pieces of text[begin, end) between the separator `separator`.
std::vector<Word> pieces_between(std::string_view text, std::size_t begin, std::size_t end, char separator) {
  std::vector<Word> pieces;
  for (std::size_t start = begin; start < end;) {
    const std::size_t stop = std::min(end, text.substr(0, end).find(separator, start));
    if (stop > start) pieces.push_back({start, stop});
    start = stop + 1;
  }
  return pieces;
}

// Identifiers inside a run that is none: CVE ids between hyphens, then whatever lies between
// `_` and `:` ("5f4d...99_payload.exe", "foo_bar.example.com"), or between hyphens
// ("10.0.0.1-10.0.0.255"), in text order.
void find_inside(std::string_view text, const Candidate& run, std::vector<IdentifierSpan>& spans) {
  const std::size_t first = spans.size();
  const std::vector<Word> words = words_in(text, run.begin, run.end);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (auto cve = cve_at(text, words, i)) spans.push_back(std::move(*cve));
  }
  const std::string_view raw = text.substr(run.begin, run.end - run.begin);
  const bool segmented = raw.find_first_of("_:") != std::string_view::npos;
  for (const Word& segment : pieces_between(text, run.begin, run.end, '_')) {
    for (const Word& piece : pieces_between(text, segment.begin, segment.end, ':')) {
      if (segmented) {
        if (auto span = inside_identifier(text, piece.begin, piece.end)) {
          spans.push_back(std::move(*span));
          continue;
        }
      }
      if (text.substr(piece.begin, piece.end - piece.begin).find('-') == std::string_view::npos) continue;
      for (const Word& part : pieces_between(text, piece.begin, piece.end, '-')) {
        if (auto span = inside_identifier(text, part.begin, part.end)) spans.push_back(std::move(*span));
      }
    }
  }
  std::sort(spans.begin() + static_cast<std::ptrdiff_t>(first), spans.end(),
            [](const IdentifierSpan& a, const IdentifierSpan& b) { return a.begin < b.begin; });
}

}  // namespace

std::vector<IdentifierSpan> find_identifiers(std::string_view text) {
  std::vector<IdentifierSpan> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_run_char(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    i = run_end(text, begin);
    if (!may_hold_identifier(text.substr(begin, i - begin)) || glued_before(text, begin)) continue;
    Candidate candidate = read_run(text, begin, i);
    trim_trailing(candidate);
    if (candidate.end == i && glued_after(text, i)) continue;
    if (auto span = classify_with_port(candidate)) {
      describe_words(text, *span);
      spans.push_back(std::move(*span));
    } else {
      find_inside(text, candidate, spans);
    }
  }
  return spans;
}

}  // namespace dossier::analysis
