#include "byline_prefix.h"

#include <array>
#include <string>
#include <vector>

#include "dossier/analysis/normalizer.h"
#include "dossier/indexer/text_lines.h"

namespace dossier::indexer {
namespace {

enum class PrefixKind {
  Phrase,  ///< opens a byline in any text, a colon after it is optional
  Label,   ///< needs a colon after it: "Author: X" ("Author unknown" is not a byline)
  Word,    ///< one word that opens a byline only in its own languages
};

struct BylinePrefix {
  std::string_view words;  // folded, separated by one space
  PrefixKind kind;
  std::string_view languages;  // for `Word`: ISO 639-1 codes separated by spaces; "" for any
};

// Folded (lower case, no accents) as `analysis::Normalizer` folds; longer phrases before the
// words they start with.
constexpr std::array<BylinePrefix, 66> kPrefixes{{
    // English
    {"written by", PrefixKind::Phrase, ""},
    {"posted by", PrefixKind::Phrase, ""},
    {"reported by", PrefixKind::Phrase, ""},
    {"by", PrefixKind::Word, ""},
    {"authors", PrefixKind::Label, ""},
    {"author", PrefixKind::Label, ""},
    // German
    {"verfasst von", PrefixKind::Phrase, ""},
    {"geschrieben von", PrefixKind::Phrase, ""},
    {"von", PrefixKind::Word, "de"},
    {"autor", PrefixKind::Label, ""},
    {"autorin", PrefixKind::Label, ""},
    {"autoren", PrefixKind::Label, ""},
    // French
    {"redige par", PrefixKind::Phrase, ""},
    {"ecrit par", PrefixKind::Phrase, ""},
    {"publie par", PrefixKind::Phrase, ""},
    {"par", PrefixKind::Word, "fr"},
    {"auteur", PrefixKind::Label, ""},
    {"auteurs", PrefixKind::Label, ""},
    {"auteure", PrefixKind::Label, ""},
    {"autrice", PrefixKind::Label, ""},
    // Norwegian (Bokmål, Nynorsk), Danish, Swedish
    {"skrevet av", PrefixKind::Phrase, ""},
    {"skrive av", PrefixKind::Phrase, ""},
    {"skriven av", PrefixKind::Phrase, ""},
    {"skrevet af", PrefixKind::Phrase, ""},
    {"av", PrefixKind::Word, "no sv"},
    {"af", PrefixKind::Word, "da"},
    {"forfatter", PrefixKind::Label, ""},
    {"forfattere", PrefixKind::Label, ""},
    {"forfattar", PrefixKind::Label, ""},
    {"forfattarar", PrefixKind::Label, ""},
    {"forfattare", PrefixKind::Label, ""},
    // Dutch
    {"geschreven door", PrefixKind::Phrase, ""},
    {"door", PrefixKind::Word, "nl"},
    // Russian, Ukrainian
    {"\u0430\u0432\u0442\u043e\u0440", PrefixKind::Label, ""},        // автор
    {"\u0430\u0432\u0442\u043e\u0440\u044b", PrefixKind::Label, ""},  // авторы
    {"\u0430\u0432\u0442\u043e\u0440\u0438", PrefixKind::Label, ""},  // автори
    {"\u0442\u0435\u043a\u0441\u0442", PrefixKind::Label, ""},        // текст
    // Spanish, Portuguese, Catalan
    {"escrito por", PrefixKind::Phrase, ""},
    {"escrit per", PrefixKind::Phrase, ""},
    {"por", PrefixKind::Word, "es pt"},
    {"per", PrefixKind::Word, "ca"},
    {"autora", PrefixKind::Label, ""},
    {"autores", PrefixKind::Label, ""},
    // Italian
    {"scritto da", PrefixKind::Phrase, ""},
    {"a cura di", PrefixKind::Phrase, ""},
    {"di", PrefixKind::Word, "it"},
    {"autore", PrefixKind::Label, ""},
    {"autori", PrefixKind::Label, ""},
    // Romanian
    {"scris de", PrefixKind::Phrase, ""},
    {"de", PrefixKind::Word, "ro"},
    // Finnish
    {"kirjoittanut", PrefixKind::Phrase, ""},
    {"kirjoittaja", PrefixKind::Label, ""},
    {"kirjoittajat", PrefixKind::Label, ""},
    // Hungarian
    {"irta", PrefixKind::Label, ""},
    {"szerzo", PrefixKind::Label, ""},
    {"szerzok", PrefixKind::Label, ""},
    // Lithuanian
    {"autorius", PrefixKind::Label, ""},
    {"autoriai", PrefixKind::Label, ""},
    // Turkish
    {"yazan", PrefixKind::Label, ""},
    {"yazar", PrefixKind::Label, ""},
    {"yazarlar", PrefixKind::Label, ""},
    // Indonesian
    {"ditulis oleh", PrefixKind::Phrase, ""},
    {"oleh", PrefixKind::Word, "id"},
    {"penulis", PrefixKind::Label, ""},
    // Irish
    {"le", PrefixKind::Word, "ga"},
    {"udar", PrefixKind::Label, ""},
}};

// One space-separated word of a line: where it ends, and its folded form without a colon.
struct LineWord {
  std::size_t end = 0;
  std::string folded;
  bool colon = false;  // "Author:" had its colon glued
};

std::vector<LineWord> first_words(std::string_view line, std::size_t count) {
  const analysis::Normalizer normalizer;
  std::vector<LineWord> words;
  std::size_t i = 0;
  while (words.size() < count && i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t')
      ++i;
    if (i == start) break;
    std::string_view word = line.substr(start, i - start);
    LineWord entry{i, {}, word.ends_with(':')};
    if (entry.colon) word.remove_suffix(1);
    entry.folded = normalizer.fold(word);
    words.push_back(std::move(entry));
  }
  return words;
}

bool speaks(std::string_view languages, std::string_view language) {
  if (languages.empty()) return true;
  if (language == "nb" || language == "nn") language = "no";
  if (language.empty()) return false;
  for (std::size_t at = languages.find(language); at != std::string_view::npos;
       at = languages.find(language, at + 1)) {
    const bool starts = at == 0 || languages[at - 1] == ' ';
    const bool ends = at + language.size() == languages.size() || languages[at + language.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

// How many words `prefix` has, when the line's first words are it; 0 otherwise.
std::size_t matched_words(const BylinePrefix& prefix, const std::vector<LineWord>& words) {
  std::size_t k = 0;
  for (std::size_t start = 0; start <= prefix.words.size(); ++k) {
    const std::size_t space = std::min(prefix.words.find(' ', start), prefix.words.size());
    if (k >= words.size() || words[k].folded != prefix.words.substr(start, space - start)) return 0;
    if (space < prefix.words.size() && words[k].colon) return 0;  // "Written: by" is no prefix
    start = space + 1;
  }
  return k;
}

}  // namespace

std::optional<std::string_view> byline_body(std::string_view line, std::string_view language) {
  const std::vector<LineWord> words = first_words(line, 4);
  for (const BylinePrefix& prefix : kPrefixes) {
    const std::size_t count = matched_words(prefix, words);
    if (count == 0) continue;
    if (prefix.kind == PrefixKind::Word && !speaks(prefix.languages, language)) continue;
    std::string_view rest = trim(line.substr(words[count - 1].end));
    bool colon = words[count - 1].colon;
    if (!colon && rest.starts_with(':')) {
      colon = true;
      rest = trim(rest.substr(1));
    }
    if (prefix.kind == PrefixKind::Label && !colon) continue;
    return rest;
  }
  return std::nullopt;
}

bool opens_with_language_word(std::string_view line) {
  const std::vector<LineWord> words = first_words(line, 1);
  for (const BylinePrefix& prefix : kPrefixes) {
    if (prefix.kind == PrefixKind::Word && !prefix.languages.empty() && matched_words(prefix, words) == 1)
      return true;
  }
  return false;
}

}  // namespace dossier::indexer
