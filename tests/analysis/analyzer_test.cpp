// Golden term lists for the one analyzer both indexing and searching use.
#include "dossier/analysis/analyzer.h"

#include <catch2/catch.hpp>
#include <string>

#include "dossier/analysis/term_bounds.h"

namespace {

using dossier::analysis::Analyzer;
using dossier::analysis::Token;
using dossier::analysis::TokenKind;
using dossier::analysis::TokenRole;

// Renders tokens as a golden string: "term[stem]@position"; a part of the token before it is
// "+term@position", or "+term" when the index keeps no position for it.
std::string render(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += ' ';
    if (token.role == TokenRole::Part) out += '+';
    out += token.term;
    if (!token.stem.empty() && token.stem != token.term) out += "[" + token.stem + "]";
    if (token.positional) out += "@" + std::to_string(token.position);
  }
  return out;
}

std::string analyze(std::string_view text, std::string_view language = "en") {
  static const Analyzer analyzer;
  return render(analyzer.analyze(text, language));
}

}  // namespace

TEST_CASE("English words are folded, stemmed and lose their possessive", "[analyzer]") {
  CHECK(analyze("China's espionage operations against European businesses.") ==
        "china@1 espionage[espionag]@2 operations[oper]@3 against@4 european@5 businesses[busi]@6");
  CHECK(analyze("China\u2019s") == analyze("china's"));
}

TEST_CASE("accents, case, ligatures, sharp s and full-width forms fold to one term", "[analyzer]") {
  CHECK(
      analyze("S\u00e9curit\u00e9 SECURITE l'ing\u00e9rence \ufb01nance Stra\u00dfe \uff21\uff22\uff23") ==
      "securite[securit]@1 securite[securit]@2 ingerence[inger]@3 finance[financ]@4 strasse[strass]@5 abc@6");
  CHECK(analyze("S\u00c9CURIT\u00c9") == analyze("securite"));
}

TEST_CASE("Chinese and Japanese are segmented into dictionary words and never stemmed", "[analyzer]") {
  CHECK(analyze("中华人民共和国国家安全部 東京都に住んでいます") ==
        "中华@1 人民@2 共和国@3 国家安全@4 部@5 東京@6 都@7 に@8 住@9 んで@10 い@11 ます@12");
}

TEST_CASE("Thai is segmented with ICU's dictionary", "[analyzer]") {
  CHECK(analyze("ภาษาไทยง่ายนิดเดียว") == "ภาษา@1 ไทย@2 ง่าย@3 นิด@4 เดียว@5");
}

TEST_CASE("Norwegian inflections share a stem with the Norwegian stemmer", "[analyzer]") {
  CHECK(analyze("Etterretningstjenestens vurdering: etterretningstjenester og spionasje", "no") ==
        "etterretningstjenestens[etterretningstjenest]@1 vurdering@2 "
        "etterretningstjenester[etterretningstjenest]@3 og@4 spionasje[spionasj]@5");
  CHECK(analyze("p\u00e5virkning", "no") == analyze("pavirkning", "no"));
}

TEST_CASE("identifiers stay whole with their words findable at their own positions", "[analyzer]") {
  // An identifier takes one position per word, so "see evil.example.com" and "example com" are
  // both phrases of the text; an address or a hash is one word. The words of a CVE id are found,
  // but not in phrases: the id is.
  CHECK(analyze("CVE-2023-27997 at 203.0.113.77, see evil[.]example[.]com:443 and 2001:DB8:0:0:0:0:0:1.") ==
        "cve-2023-27997@1 +cve +2023 +27997 at@4 203.0.113.77@5 see@6 evil.example.com@7 +evil@7 "
        "+example[exampl]@8 +com@9 443@10 and@11 2001:db8::1@12");
}

TEST_CASE("a file name is one token whose words, and any identifier in it, are parts", "[analyzer]") {
  CHECK(analyze("see norway-2024-threat-assessment.txt now") ==
        "see@1 norway-2024-threat-assessment.txt@2 +norway@2 +2024@3 +threat@4 "
        "+assessment[assess]@5 +txt@6 now@7");
  CHECK(analyze("log4j-cve-2021-44228-hotpatch.zip") ==
        "log4j-cve-2021-44228-hotpatch.zip@1 +log4j@1 +cve@2 +cve-2021-44228@2 +2021@3 +44228@4 "
        "+hotpatch@5 +zip@6");
}

TEST_CASE("an identifier inside words that are none is a part of the word it starts in", "[analyzer]") {
  // ICU splits the product name at its hyphens; the CVE id is found at the word "cve".
  CHECK(analyze("log4j-cve-2021-44228-hotpatch-1.3.5 installed") ==
        "log4j@1 cve@2 +cve-2021-44228@2 2021@3 44228@4 hotpatch@5 1.3.5@6 installed[instal]@7");
  // ICU keeps "hotpatch_cve" whole (an underscore joins words): its words are parts.
  CHECK(analyze("hotpatch_CVE-2021-44228") ==
        "hotpatch_cve[hotpatch_cv]@1 +hotpatch@1 +cve@2 +cve-2021-44228@2 2021@3 44228@4");
  CHECK(analyze("x 10.0.0.1-10.0.0.2") == "x@1 10.0.0.1@2 +10.0.0.1@2 10.0.0.2@3 +10.0.0.2@3");
}

TEST_CASE("words joined by an underscore, a dot or a colon are parts of the word ICU keeps", "[analyzer]") {
  CHECK(analyze("invoice_2024 __init__ snake_case_name") ==
        "invoice_2024@1 +invoice[invoic]@1 +2024@2 __init__@3 +init@3 snake_case_name[snake_case_nam]@4 "
        "+snake@4 "
        "+case@5 +name@6");
}

TEST_CASE("hashes of every length analysts use are single lower-case terms", "[analyzer]") {
  const std::string sha512 =
      "EE26B0DD4AF7E749AA1A8EE3C10AE9923F618980772E473F8819A5D4940E0DB27AC185F8A0E1D5F84F88BC887FD67B143732C3"
      "04CC5FA9A"
      "D8E6F57F50028A8FF";
  std::string lower = sha512;
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(analyze("MD5 098F6BCD4621D373CADE4E832627B4F6") == "md5@1 098f6bcd4621d373cade4e832627b4f6@2");
  CHECK(analyze("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3") == "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3@1");
  CHECK(analyze("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") ==
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08@1");
  CHECK(analyze(sha512) == lower + "@1");
}

TEST_CASE("abbreviations, decimals and a missing space after a full stop stay words, with their parts",
          "[analyzer]") {
  CHECK(analyze("U.S. 3.5 e.g. don't") == "u.s[u.]@1 +u@1 +s@2 3.5@3 e.g@4 +e@4 +g@5 don't@6");
  CHECK(analyze("risks present.We already") ==
        "risks[risk]@1 present.we[present.w]@2 +present@2 +we@3 already[alreadi]@4");
}

TEST_CASE("a 10,000-character token becomes one bounded term that the same token finds again", "[analyzer]") {
  const Analyzer analyzer;
  const std::string token(10'000, 'x');
  const std::vector<Token> tokens = analyzer.analyze("before " + token + " after");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[1].term.size() <= dossier::analysis::kMaxTermBytes);
  CHECK(tokens[1].stem.size() <= dossier::analysis::kMaxTermBytes);
  CHECK(tokens[1].term == analyzer.analyze(token).front().term);
  CHECK(tokens[1].term != analyzer.analyze(token + "y").front().term);
  CHECK(tokens[2].position == 3);
}

TEST_CASE("token offsets point at the original bytes", "[analyzer]") {
  const Analyzer analyzer;
  const std::string text = "Le r\u00e9seau, CVE-2024-21762!";
  const std::vector<Token> tokens = analyzer.analyze(text);
  REQUIRE(tokens.size() >= 3);
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "r\u00e9seau");
  CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "CVE-2024-21762");
  CHECK(tokens[2].kind == TokenKind::Identifier);
}

TEST_CASE("punctuation, symbols and empty text give no tokens", "[analyzer]") {
  CHECK(analyze("").empty());
  CHECK(analyze("  -- !!! \u2014 \u00bb \U0001F600 ").empty());
}

TEST_CASE("invalid UTF-8 and NUL bytes never break analysis", "[analyzer]") {
  // The length comes from the array: a hand-counted one read past the literal (found by ASan).
  constexpr char kText[] = "abc\xff\xfe def\0ghi \xed\xa0\x80 jkl";
  const std::string text(kText, sizeof kText - 1);
  CHECK(analyze(text) == "abc@1 def@2 ghi@3 jkl@4");
}

TEST_CASE("a stemmer name the analyzer does not know turns stemming off", "[analyzer]") {
  CHECK(analyze("operations", "klingon") == "operations@1");
  CHECK(analyze("operations", "none") == "operations@1");
}
