// Month names in the languages Dossier reads dates in, from ICU's locale data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dossier::indexer {

/// What a month name is, and how it may be written.
struct MonthName {
  int month = 0;  ///< 1..12
  /// Some language writes it in lower case (full or abbreviated: French "mai", Spanish "may"):
  /// then a lower-case word is that month after a day number ("6 mai 2024").
  bool lower_case = false;
  /// Some language writes it as a full name in lower case ("février"): then a lower-case word is
  /// that month also before a year ("février 2024"); "march 2024" and "may 2024" are no dates.
  bool full_lower_case = false;
};

/// Month names (wide and abbreviated, format and stand-alone forms: "февраля" and "февраль")
/// of English, German, French, Norwegian Bokmål and Nynorsk, Danish, Swedish, Dutch, Russian,
/// Ukrainian, Spanish, Portuguese, Catalan, Italian, Romanian, Finnish, Hungarian, Lithuanian,
/// Turkish, Indonesian, Irish, Armenian, Arabic, Nepali, Tamil and Basque (the languages Xapian
/// stems, and the others asked for), read once from ICU's `DateFormatSymbols`, folded like index
/// terms ("Février" -> "fevrier", "März" -> "marz") and without a final "." or a Catalan "de "
/// or "d'". A name that means different months in two languages, or holds a space, is left out.
/// Immutable once built; `month_names()` builds it on first use (thread-safe).
class MonthNames {
 public:
  MonthNames();

  /// The month `folded` names, if any.
  std::optional<MonthName> find(const std::string& folded) const;

 private:
  std::unordered_map<std::string, MonthName> names_;
};

/// The one table, built from ICU's data on first use: a constant (like ICU's own locale data),
/// not state, so the free functions of `date_text.h` need not carry it.
const MonthNames& month_names();

}  // namespace dossier::indexer
