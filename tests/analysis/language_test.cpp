#include "dossier/analysis/language.h"

#include <catch2/catch.hpp>

using dossier::analysis::detect_language;
using dossier::analysis::language_code;
using dossier::analysis::language_name;

TEST_CASE("the language of a text is detected", "[language]") {
  CHECK(
      detect_language("Etterretningstjenestens årlige vurdering beskriver et alvorligere sikkerhetspolitisk "
                      "bilde. Russiske og kinesiske etterretningstjenester driver spionasje mot norske "
                      "virksomheter.") == "no");
  CHECK(detect_language(
            "La sécurité des institutions européennes reste exposée à l'espionnage et à l'ingérence "
            "de puissances étrangères.") == "fr");
  CHECK(detect_language("近年来，欧洲多国的安全机构公开披露了与国家安全部有关的网络间谍活动。分析人士认为，这"
                        "类行动的目标包括获取先进技术。") == "zh");
  CHECK(
      detect_language("Despite decades of espionage activities by China's Ministry of State Security, recent "
                      "cases in Europe show that espionage remains a key concern.") == "en");
}

TEST_CASE("too little or meaningless text has no language", "[language]") {
  CHECK_FALSE(detect_language("").has_value());
  CHECK_FALSE(detect_language("xyz 123").has_value());
  CHECK_FALSE(detect_language(std::string(1000, '\xff')).has_value());
}

TEST_CASE("language codes are normalised and named", "[language]") {
  CHECK(language_code("en-GB") == "en");
  CHECK(language_code("NO") == "no");
  CHECK(language_code("zh_Hant") == "zh");
  CHECK(language_code("english!") == "");
  CHECK(language_code("") == "");
  CHECK(language_name("no") == "Norwegian");
  CHECK(language_name("fr") == "French");
}
