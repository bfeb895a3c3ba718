#include "month_names.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <set>

#include "dossier/analysis/normalizer.h"

namespace dossier::indexer {
namespace {

// ICU locale ids: the languages Xapian's Snowball stemmers cover, plus Ukrainian; "en_GB" adds
// "Sept".
constexpr std::array<const char*, 28> kLocales{
    "en", "en_GB", "de", "fr", "nb", "nn", "da", "sv", "nl", "ru", "uk", "es", "pt", "ca",
    "it", "ro",    "fi", "hu", "lt", "tr", "id", "ga", "hy", "ar", "ne", "ta", "eu", "en_US"};

// "de gener" -> "gener", "d’abril" -> "abril", "févr." -> "févr".
std::string bare(const icu::UnicodeString& name) {
  std::string out;
  name.toUTF8String(out);
  for (std::string_view article : {"de ", "d\u2019", "d'"}) {
    if (out.starts_with(article)) out.erase(0, article.size());
  }
  while (!out.empty() && out.back() == '.')
    out.pop_back();
  return out;
}

bool starts_upper(const std::string& name) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(name);
  return !text.isEmpty() && u_isupper(text.char32At(0));
}

}  // namespace

MonthNames::MonthNames() {
  const analysis::Normalizer normalizer;
  std::set<std::string> conflicting;
  for (const char* locale : kLocales) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols{icu::Locale(locale), status};
    if (U_FAILURE(status)) continue;
    for (const auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      for (const auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
        int32_t count = 0;
        const icu::UnicodeString* months = symbols.getMonths(count, context, width);
        for (int32_t i = 0; i < count && i < 12; ++i) {
          const std::string written = bare(months[i]);
          const std::string name = normalizer.fold(written);
          if (name.empty() || name.find(' ') != std::string::npos || conflicting.contains(name)) continue;
          const bool lower = !starts_upper(written);
          const MonthName entry{i + 1, lower, lower && width == icu::DateFormatSymbols::WIDE};
          const auto [it, added] = names_.try_emplace(name, entry);
          if (added) continue;
          if (it->second.month != entry.month) {
            conflicting.insert(name);
            names_.erase(it);
            continue;
          }
          // A name several languages use may be written as any of them writes it.
          it->second.lower_case = it->second.lower_case || entry.lower_case;
          it->second.full_lower_case = it->second.full_lower_case || entry.full_lower_case;
        }
      }
    }
  }
}

std::optional<MonthName> MonthNames::find(const std::string& folded) const {
  const auto it = names_.find(folded);
  if (it == names_.end()) return std::nullopt;
  return it->second;
}

const MonthNames& month_names() {
  static const MonthNames names;
  return names;
}

}  // namespace dossier::indexer
