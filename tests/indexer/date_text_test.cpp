#include "dossier/indexer/date_text.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>

using dossier::indexer::find_date;
using dossier::indexer::parse_date_value;

namespace {

// The date found in `text` in ISO form ("" when none).
std::string found(std::string_view text) {
  const auto match = find_date(text);
  return match ? match->date.to_iso() : "";
}

}  // namespace

TEST_CASE("a month and year is a date at month precision", "[date_text]") {
  CHECK(found("Written by Britt Verregghen - March 2024") == "2024-03");
  CHECK(found("Sept. 2023 edition") == "2023-09");
  CHECK(found("May, 2021") == "2021-05");
}

TEST_CASE("each written day form is a date at day precision", "[date_text]") {
  CHECK(found("February 13, 2024") == "2024-02-13");
  CHECK(found("Feb. 13, 2024") == "2024-02-13");
  CHECK(found("Jun 17, 2016") == "2016-06-17");
  CHECK(found("Jun 17 2016") == "2016-06-17");
  CHECK(found("March 3rd, 2024") == "2024-03-03");
  CHECK(found("13 February 2024") == "2024-02-13");
  CHECK(found("13 Feb 2024") == "2024-02-13");
  CHECK(found("On the 6th of February 2024, the MIVD") == "2024-02-06");
  CHECK(found("1st of May, 2023") == "2023-05-01");
  CHECK(found("2024-02-13") == "2024-02-13");
  CHECK(found("updated 2024-02-13T10:00:00Z") == "2024-02-13");
  CHECK(found("13.02.2024") == "2024-02-13");
  CHECK(found("6.2.2024") == "2024-02-06");
}

TEST_CASE("where a date is in the text is reported", "[date_text]") {
  const auto match = find_date("(Newsweek, February 13, 2024).");
  REQUIRE(match.has_value());
  CHECK(match->begin == 11);
  CHECK(match->end == 28);
}

TEST_CASE("impossible, glued or lower-case dates are not dates", "[date_text]") {
  CHECK(found("31 April 2024") == "2024-04");  // no such day, but "April 2024" is still a month
  CHECK(found("February 30, 2024") == "");
  CHECK(found("2024-13-01") == "");
  CHECK(found("32.01.2024") == "");
  CHECK(found("march 2024") == "");
  CHECK(found("Marching 2024") == "");
  CHECK(found("X2024-02-13") == "");
  CHECK(found("March 20245") == "");
  CHECK(found("12024-02-13") == "");
  CHECK(found("in 2024 and March") == "");
  CHECK(found("") == "");
  CHECK(found("March") == "");
}

TEST_CASE("a metadata date keeps the date part of a timestamp and its precision", "[date_text]") {
  CHECK(parse_date_value("2024")->to_iso() == "2024");
  CHECK(parse_date_value("2024-03")->to_iso() == "2024-03");
  CHECK(parse_date_value(" \"2024-03-06\" ")->to_iso() == "2024-03-06");
  CHECK(parse_date_value("2024-03-06T09:30:00+01:00")->to_iso() == "2024-03-06");
  CHECK(parse_date_value("2024-03-06 09:30")->to_iso() == "2024-03-06");
  CHECK(parse_date_value("Tue, 13 Feb 2024 10:00:00 GMT")->to_iso() == "2024-02-13");
  CHECK(parse_date_value("'March 2024'")->to_iso() == "2024-03");
  CHECK_FALSE(parse_date_value("yesterday").has_value());
  CHECK_FALSE(parse_date_value("2024-02-30").has_value());
  CHECK_FALSE(parse_date_value("").has_value());
}

TEST_CASE("dates are read in the languages of the index, with their own month names", "[date_text]") {
  CHECK(found("6. Februar 2024") == "2024-02-06");  // German
  CHECK(found("Berlin, den 6. Feb. 2024") == "2024-02-06");
  CHECK(found("M\u00e4rz 2024") == "2024-03");
  CHECK(found("le 6 f\u00e9vrier 2024") == "2024-02-06");  // French
  CHECK(found("1er mai 2024") == "2024-05-01");
  CHECK(found("f\u00e9vrier 2024") == "2024-02");
  CHECK(found("6. februar 2024") == "2024-02-06");  // Norwegian, Danish
  CHECK(found("6. mars 2024") == "2024-03-06");
  CHECK(found("6 februari 2024") == "2024-02-06");  // Dutch, Swedish
  CHECK(found("6 mrt 2024") == "2024-03-06");
  CHECK(found("6 \u0444\u0435\u0432\u0440\u0430\u043b\u044f 2024 \u0433.") == "2024-02-06");  // Russian
  CHECK(found("\u0424\u0435\u0432\u0440\u0430\u043b\u044c 2024") == "2024-02");
  CHECK(found("6 de febrero de 2024") == "2024-02-06");  // Spanish
  CHECK(found("febrero de 2024") == "2024-02");
  CHECK(found("6 de fevereiro de 2024") == "2024-02-06");  // Portuguese
  CHECK(found("6 d\u2019abril de 2024") == "2024-04-06");  // Catalan
  CHECK(found("6 febbraio 2024") == "2024-02-06");         // Italian
  CHECK(found("6 februarie 2024") == "2024-02-06");        // Romanian
  CHECK(found("6. helmikuuta 2024") == "2024-02-06");      // Finnish
  CHECK(found("6 \u015eubat 2024") == "2024-02-06");       // Turkish
  CHECK(found("2024. febru\u00e1r 6.") == "2024-02-06");   // Hungarian
  CHECK(found("2024 m. vasario 6 d.") == "2024-02-06");    // Lithuanian
  CHECK(found("\u0666 \u0641\u0628\u0631\u0627\u064a\u0631 \u0662\u0660\u0662\u0664") ==
        "2024-02-06");                                                                      // Arabic
  CHECK(found("6 \u0583\u0565\u057f\u0580\u057e\u0561\u0580\u056b 2024") == "2024-02-06");  // Armenian
  CHECK(found("\u096C \u092B\u0947\u092C\u094D\u0930\u0941\u0905\u0930\u0940 \u0968\u0966\u0968\u096A") ==
        "2024-02-06");                                                                      // Nepali
  CHECK(found("6 \u0baa\u0bbf\u0baa\u0bcd\u0bb0\u0bb5\u0bb0\u0bbf 2024") == "2024-02-06");  // Tamil
  CHECK(found("6 Feabhra 2024") == "2024-02-06");                                           // Irish
  CHECK(found("6 Februari 2024") == "2024-02-06");                                          // Indonesian
  CHECK(found("otsaila 2024") == "2024-02");  // Basque, but not its inflected "2024ko otsailaren 6a"
  CHECK(found("\u53d1\u5e03\u4e8e2024\u5e742\u67086\u65e5") == "2024-02-06");  // Chinese
  CHECK(found("2024\ub144 2\uc6d4 6\uc77c") == "2024-02-06");                  // Korean
}

TEST_CASE("month names that are words, or that no language writes so, are not dates", "[date_text]") {
  CHECK(found("may 2024") == "");  // English and Turkish capitalise May
  CHECK(found("Mai 2024") == "2024-05");
  CHECK(found("mai 2024") == "2024-05");  // French writes it in lower case
  CHECK(found("Marsch 2024") == "");
  CHECK(found("In 2024 March saw attacks") == "");  // neither "2024 March" nor "March saw" is a date
  CHECK(found("6 may 2024") == "2024-05-06");       // Spanish abbreviates it so
  CHECK(found("30 f\u00e9vrier 2024") == "2024-02");
  CHECK(found("2024\u5e7413\u6708") == "");
}

TEST_CASE("text that ends where a month name would start is read within its bytes", "[date_text]") {
  // Found by the date_byline fuzz target: "6th of " at the very end made the month reader decode
  // the byte after the text. An exact-size heap buffer lets the sanitizer build see such a read.
  for (const std::string_view text :
       {std::string_view("\xD0"
                         "6th of "),
        std::string_view("6 "), std::string_view("le 6 "), std::string_view("6. ")}) {
    const auto buffer = std::make_unique<char[]>(text.size());
    std::copy(text.begin(), text.end(), buffer.get());
    CHECK_FALSE(find_date(std::string_view(buffer.get(), text.size())));
  }
}
