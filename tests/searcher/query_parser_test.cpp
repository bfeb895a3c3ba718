#include "dossier/searcher/query_parser.h"

#include <catch2/catch.hpp>
#include <string>

#include "dossier/searcher/search_errors.h"
#include "unicode_spaces.h"

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

TEST_CASE("every Unicode space separates query words", "[query_parser]") {
  for (const auto& space : dossier::testing::word_separating_spaces()) {
    INFO(space.name);
    CHECK(parsed(space.utf8 + "Emotet" + space.utf8 + "Dridex" + space.utf8) ==
          "SEQ(word:Emotet, word:Dridex)");
    CHECK(parsed("espionage" + space.utf8 + "-" + space.utf8 + "norway") ==
          "SEQ(word:espionage, word:-, word:norway)");
  }
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

TEST_CASE("field names are known in any case", "[query_parser]") {
  CHECK(parsed("Title:x") == "title:(word:x)");
  CHECK(parsed("COUNTRY:NO") == "country:(word:NO)");
  CHECK(parsed("Actor:\"Volt Typhoon\"") == "actor:(phrase:\"Volt Typhoon\")");
}

TEST_CASE("an unknown field name is an error naming the fields and the nearest one", "[query_parser]") {
  CHECK(error_of("x autor:Britt") ==
        "unknown field 'autor:' (did you mean 'author:'?); the fields are title:, author:, path:, type:, "
        "lang:, date:, country:, actor:; to search for the text, quote it: \"autor:Britt\" at column 3");
  CHECK(error_of("foo:bar").starts_with("unknown field 'foo:'; the fields are title:,"));
  CHECK(error_of("note:x").starts_with("unknown field 'note:'; "));  // too far from date: to suggest it
  CHECK(error_of("contry:(NO OR NL)").starts_with("unknown field 'contry:' (did you mean 'country:'?)"));
  CHECK(error_of("autor:\"Britt V\"").starts_with("unknown field 'autor:'"));
}

TEST_CASE("words that merely hold a colon stay text", "[query_parser]") {
  CHECK(parsed("2001:db8::1") == "word:2001:db8::1");
  CHECK(parsed("fe80::1ff:fe23:4567:890a") == "word:fe80::1ff:fe23:4567:890a");
  CHECK(parsed("dead:beef::1") == "word:dead:beef::1");
  CHECK(parsed("10:30") == "word:10:30");
  CHECK(parsed("http://evil.example/x") == "word:http://evil.example/x");
  CHECK(parsed("C:\\Windows\\System32") == "word:C:\\Windows\\System32");
  CHECK(parsed("Trojan:Win32/Emotet") == "word:Trojan:Win32/Emotet");
  CHECK(parsed("urn:isbn:0451450523") == "word:urn:isbn:0451450523");
  CHECK(parsed("mailto:soc@example.org") == "word:mailto:soc@example.org");
  CHECK(parsed("Summary: espionage") == "SEQ(word:Summary:, word:espionage)");
  CHECK(parsed("\"autor:Britt\"") == "phrase:\"autor:Britt\"");
  CHECK(parsed("x1:y") == "word:x1:y");
}

TEST_CASE("a field with nothing glued to it is an error", "[query_parser]") {
  CHECK(error_of("title: typhoon") == "'title:' needs a word, a phrase or a group after it at column 1");
  CHECK(error_of("a actor:") == "'actor:' needs a word, a phrase or a group after it at column 3");
  CHECK(error_of("country:)") == "'country:' needs a word, a phrase or a group after it at column 1");
}

TEST_CASE("NEAR/n and ADJ/n join words and phrases with a distance", "[query_parser]") {
  CHECK(parsed("malware NEAR/6 Fortinet") == "NEAR/6(word:malware, word:Fortinet)");
  CHECK(parsed("state ADJ/1 security") == "ADJ/1(word:state, word:security)");
  CHECK(parsed("a NEAR/2 \"b c\" NEAR/2 d") == "NEAR/2(word:a, phrase:\"b c\", word:d)");
  CHECK(parsed("\"state security\" ADJ/0 service") == "ADJ/0(phrase:\"state security\", word:service)");
}

TEST_CASE("NEAR/n binds tighter than NOT, AND and OR", "[query_parser]") {
  CHECK(parsed("x a NEAR/3 b OR c") == "OR(SEQ(word:x, NEAR/3(word:a, word:b)), word:c)");
  CHECK(parsed("NOT a NEAR/3 b") == "NOT(NEAR/3(word:a, word:b))");
  CHECK(parsed("-a ADJ/1 b") == "NOT(ADJ/1(word:a, word:b))");
  CHECK(parsed("title:(a NEAR/2 b)") == "title:(NEAR/2(word:a, word:b))");
}

TEST_CASE("a huge NEAR/n distance is clamped to the maximum", "[query_parser]") {
  CHECK(parsed("a NEAR/100 b") == "NEAR/100(word:a, word:b)");
  CHECK(parsed("a NEAR/101 b") == "NEAR/100(word:a, word:b)");
  CHECK(parsed("a ADJ/99999999999999999999999 b") == "ADJ/100(word:a, word:b)");
}

TEST_CASE("lower-case near and adj are words", "[query_parser]") {
  CHECK(parsed("near/2 adj") == "SEQ(word:near/2, word:adj)");
}

TEST_CASE("NEAR/n and ADJ/n errors name the column", "[query_parser]") {
  CHECK(error_of("a NEAR/x b") == "'NEAR/' needs a number of words, as in 'NEAR/5' at column 8");
  CHECK(error_of("a NEAR/ b") == "'NEAR/' needs a number of words, as in 'NEAR/5' at column 8");
  CHECK(error_of("a ADJ/-1 b") == "'ADJ/' needs a number of words, as in 'ADJ/5' at column 7");
  CHECK(error_of("NEAR/3 b") == "'NEAR/3' needs a term before it at column 1");
  CHECK(error_of("a NEAR/3") == "'NEAR/3' needs a word or a phrase after it at column 3");
  CHECK(error_of("a NEAR/3 (b OR c)") == "'NEAR/3' needs a word or a phrase after it at column 3");
  CHECK(error_of("(a OR b) NEAR/3 c") == "'NEAR/3' needs a word or a phrase before it at column 10");
  CHECK(error_of("a NEAR/3 b ADJ/3 c") == "'ADJ/3' cannot follow 'NEAR/3' in one chain at column 12");
  CHECK(error_of("a NEAR/3 b NEAR/4 c") == "'NEAR/4' cannot follow 'NEAR/3' in one chain at column 12");
  CHECK(error_of("a NEAR/3 b*") == "'NEAR/3' cannot take a wildcard at column 10");
  CHECK(error_of("a* NEAR/3 b") == "'NEAR/3' needs a word or a phrase before it at column 4");
}

TEST_CASE("a word ending in * is a prefix wildcard, also under a field", "[query_parser]") {
  CHECK(parsed("espion*") == "wildcard:espion*");
  CHECK(parsed("espion**") == "wildcard:espion*");
  CHECK(parsed("title:typh* x") == "SEQ(title:(wildcard:typh*), word:x)");
  CHECK(parsed("*") == "word:*");
  CHECK(parsed("-espion*") == "NOT(wildcard:espion*)");
}
