// The words that open a byline ("Written by", "Verfasst von", "Auteur :"), in the languages
// Dossier reads bylines in.
#pragma once

#include <optional>
#include <string_view>

namespace dossier::indexer {

/// The text after the byline prefix `line` opens with ("Rédigé par Jean Dupont" -> "Jean
/// Dupont"), or nullopt. Prefixes are compared folded ("REDIGE PAR", "Rédigé par"). A phrase
/// ("written by", "verfasst von", "skrevet av", "escrito por", "автор:"...) or a label followed by
/// a colon ("Author:", "Auteur :", "Forfatter:", "Автор:") opens a byline in any text; a single
/// word other than English "by" ("von", "par", "av", "door", "por", "di"...) only when `language`
/// (ISO 639-1 of the document, "" when unknown; "nb" and "nn" count as "no") is its language,
/// since in other languages those words start ordinary sentences and names ("Per Hansen").
std::optional<std::string_view> byline_body(std::string_view line, std::string_view language);

/// True when `line` opens with a one-word byline prefix that only the document's language can
/// confirm (see `byline_body`): worth detecting the language for.
bool opens_with_language_word(std::string_view line);

}  // namespace dossier::indexer
