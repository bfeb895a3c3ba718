#include "dossier/searcher/query_parser.h"

#include <catch2/catch.hpp>
#include <string>

#include "dossier/searcher/search_errors.h"

using dossier::searcher::parse_query;
using dossier::searcher::QuerySyntaxError;

namespace {

std::string parsed(std::string_view query) {
  return dossier::searcher::to_string(parse_query(query));
}

// The error message for `query`, which must be invalid.
std::string error_of(std::string_view query) {
  try {
    parse_query(query);
  } catch (const QuerySyntaxError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("words and phrases", "[query_parser]") {
  CHECK(parsed("espionage") == "word:espionage");
  CHECK(parsed("Chinese espionage") == "SEQ(word:Chinese, word:espionage)");
  CHECK(parsed("\"Ministry of State Security\"") == "phrase:\"Ministry of State Security\"");
  CHECK(parsed("\u201cState Security\u201d MSS") == "SEQ(phrase:\"State Security\", word:MSS)");
  CHECK(parsed("CVE-2023-27997 2001:db8::1") == "SEQ(word:CVE-2023-27997, word:2001:db8::1)");
}

TEST_CASE("boolean operators bind NOT, then AND, then OR", "[query_parser]") {
  CHECK(parsed("a OR b c") == "OR(word:a, SEQ(word:b, word:c))");
  CHECK(parsed("a AND b OR c AND d") == "OR(AND(word:a, word:b), AND(word:c, word:d))");
  CHECK(parsed("espionage AND NOT Norway") == "AND(word:espionage, NOT(word:Norway))");
  CHECK(parsed("a b AND c") == "AND(SEQ(word:a, word:b), word:c)");
  CHECK(parsed("NOT NOT a") == "NOT(NOT(word:a))");
}

TEST_CASE("parentheses group and a glued minus negates", "[query_parser]") {
  CHECK(parsed("(Belgium OR Norwegian) AND botnet") == "AND(OR(word:Belgium, word:Norwegian), word:botnet)");
  CHECK(parsed("espionage -norway -\"state security\"") ==
        "SEQ(word:espionage, NOT(word:norway), NOT(phrase:\"state security\"))");
  CHECK(parsed("a -(b OR c)") == "SEQ(word:a, NOT(OR(word:b, word:c)))");
  CHECK(parsed("China-based - x") == "SEQ(word:China-based, word:-, word:x)");
}

TEST_CASE("lower-case operators are ordinary words", "[query_parser]") {
  CHECK(parsed("war and peace or not") == "SEQ(word:war, word:and, word:peace, word:or, word:not)");
}

TEST_CASE("syntax errors name the character column and are never reinterpreted", "[query_parser]") {
  CHECK(error_of("(espionage") == "unbalanced '(' at column 1");
  CHECK(error_of("a (b OR (c)") == "unbalanced '(' at column 3");
  CHECK(error_of("espionage)") == "unbalanced ')' at column 10");
  CHECK(error_of("\u00e9t\u00e9 )") == "unbalanced ')' at column 5");  // columns count characters
  CHECK(error_of("a ()") == "empty parentheses at column 3");
  CHECK(error_of("\"open phrase") == "unterminated '\"' at column 1");
  CHECK(error_of("AND a") == "'AND' needs a term before it at column 1");
  CHECK(error_of("a OR") == "'OR' needs a term after it at column 3");
  CHECK(error_of("a AND OR b") == "'AND' needs a term after it at column 3");
  CHECK(error_of("a NOT") == "'NOT' needs a term after it at column 3");
  CHECK(error_of("") == "empty query at column 1");
  CHECK(error_of("   ") == "empty query at column 1");
}

TEST_CASE("deep nesting is refused instead of exhausting the stack", "[query_parser]") {
  const std::string deep = std::string(100'000, '(') + "a" + std::string(100'000, ')');
  CHECK_THROWS_AS(parse_query(deep), QuerySyntaxError);
  std::string nots;
  for (int i = 0; i < 100'000; ++i)
    nots += "NOT ";
  CHECK_THROWS_AS(parse_query(nots + "a"), QuerySyntaxError);
  CHECK(parsed("((((a))))") == "word:a");
}

TEST_CASE("invalid UTF-8 in a query is read as replacement characters", "[query_parser]") {
  CHECK(parsed("a\xff") == "word:a\xef\xbf\xbd");
}

TEST_CASE("a field applies to a word, a phrase or a group", "[query_parser]") {
  CHECK(parsed("title:typhoon") == "title:(word:typhoon)");
  CHECK(parsed("actor:\"Volt Typhoon\" espionage") == "SEQ(actor:(phrase:\"Volt Typhoon\"), word:espionage)");
  CHECK(parsed("country:(NO OR NL)") == "country:(OR(word:NO, word:NL))");
  CHECK(parsed("-country:NO x") == "SEQ(NOT(country:(word:NO)), word:x)");
}

TEST_CASE("only known field names make a field", "[query_parser]") {
  CHECK(parsed("2001:db8::1") == "word:2001:db8::1");
  CHECK(parsed("Title:x") == "word:Title:x");
  CHECK(parsed("note:x") == "word:note:x");
}

TEST_CASE("a field with nothing glued to it is an error", "[query_parser]") {
  CHECK(error_of("title: typhoon") == "'title:' needs a word, a phrase or a group after it at column 1");
  CHECK(error_of("a actor:") == "'actor:' needs a word, a phrase or a group after it at column 3");
  CHECK(error_of("country:)") == "'country:' needs a word, a phrase or a group after it at column 1");
}
