#include "dossier/searcher/query_builder.h"

#include <catch2/catch.hpp>

#include "dossier/searcher/search_errors.h"

using dossier::analysis::Analyzer;
using dossier::searcher::build_query;
using dossier::searcher::DefaultOperator;
using dossier::searcher::parse_query;

namespace {

// Knows two countries and one actor, like an index would.
class FakeResolver : public dossier::searcher::EntityResolver {
 public:
  std::vector<std::string> resolve_country(std::string_view text) const override {
    if (text == "NO" || text == "Norway" || text == "Norwegian") return {"NO"};
    if (text == "Dutch") return {"NL", "BQ"};
    throw dossier::searcher::UnknownEntityError("unknown country '" + std::string(text) + "'");
  }
  std::vector<std::string> resolve_actor(std::string_view text) const override {
    if (text == "MSS" || text == "Ministry of State Security") return {"mss-cn"};
    throw dossier::searcher::UnknownEntityError("unknown actor '" + std::string(text) + "'");
  }
  std::string resolve_language(std::string_view text) const override {
    if (text == "no" || text == "Norwegian") return "no";
    throw dossier::searcher::UnknownEntityError("unknown language '" + std::string(text) + "'");
  }
};

dossier::searcher::BuiltQuery build(std::string_view query, DefaultOperator op = DefaultOperator::And,
                                    std::vector<std::string> languages = {}) {
  static const Analyzer analyzer;
  static const FakeResolver resolver;
  return build_query(parse_query(query), {analyzer, resolver, op, std::move(languages)});
}

std::string built(std::string_view query, DefaultOperator op = DefaultOperator::And) {
  return build(query, op).query.get_description();
}

}  // namespace

TEST_CASE("words become stems, identifiers and numbers stay exact", "[query_builder]") {
  CHECK(built("Chinese espionage") == "Query((Zchines AND Zespionag))");
  CHECK(built("CVE-2023-27997 203.0.113.77 2024") == "Query((cve-2023-27997 AND 203.0.113.77 AND 2024))");
  CHECK(built("S\u00c9CURIT\u00c9") == built("securite"));
}

TEST_CASE("the --any mode joins juxtaposed words with OR", "[query_builder]") {
  CHECK(built("Chinese espionage", DefaultOperator::Or) == "Query((Zchines OR Zespionag))");
}

TEST_CASE("the --any mode leaves out function words unless there is nothing else", "[query_builder]") {
  CHECK(built("what is the effect of espionage", DefaultOperator::Or) == "Query((Zeffect OR Zespionag))");
  CHECK(built("what is the", DefaultOperator::Or) == "Query((Zwhat OR Zis OR Zthe))");
  CHECK(built("the effect", DefaultOperator::And) == "Query((Zthe AND Zeffect))");
}

TEST_CASE("with a title weight, query words found in a title add scaled weight, not matches",
          "[query_builder]") {
  static const Analyzer analyzer;
  static const FakeResolver resolver;
  dossier::searcher::QueryContext context{analyzer, resolver, DefaultOperator::And, {}};
  context.title_weight = 0.25;
  CHECK(build_query(parse_query("espionage -Norway"), context).query.get_description() ==
        "Query(((Zespionag AND_NOT Znorway) AND_MAYBE 0.25 * ZSespionag))");
  CHECK(build_query(parse_query("\"State Security\""), context).query.get_description() ==
        "Query((state PHRASE 2 security))");
}

TEST_CASE("phrases and split words match exact words in order", "[query_builder]") {
  CHECK(built("\"Ministry of State Security\"") ==
        "Query((ministry PHRASE 4 of PHRASE 4 state PHRASE 4 security))");
  CHECK(built("China-based") == "Query((china PHRASE 2 based))");
  CHECK(built("国家安全部") == "Query((国家安全 PHRASE 2 部))");
  CHECK(built("\"Norway\"") == "Query(norway)");
}

TEST_CASE("negations exclude from what the rest matches", "[query_builder]") {
  CHECK(built("espionage AND NOT Norway") == "Query((Zespionag AND_NOT Znorway))");
  CHECK(built("espionage -norway -sweden") == "Query((Zespionag AND_NOT (Znorway OR Zsweden)))");
  CHECK(built("NOT norway") == "Query((<alldocuments> AND_NOT Znorway))");
  CHECK(built("(Belgium OR Norwegian) AND botnet") == "Query(((Zbelgium OR Znorwegian) AND Zbotnet))");
}

TEST_CASE("punctuation-only words are dropped, and a query of nothing is an error", "[query_builder]") {
  CHECK(built("espionage &") == "Query(Zespionag)");
  CHECK_THROWS_AS(built("& --- !!"), dossier::searcher::QuerySyntaxError);
}

TEST_CASE("highlight terms come from positive parts of the query only", "[query_builder]") {
  const auto result = build("espionage \"state security\" 203.0.113.77 -norway title:typhoon");
  CHECK(result.match_terms.stems == std::set<std::string>{"espionag"});
  CHECK(result.match_terms.terms == std::set<std::string>{"203.0.113.77"});
  CHECK(result.match_terms.phrases == std::vector<std::vector<std::string>>{{"state", "security"}});
}

TEST_CASE("title: ranks on title words, stemmed unless quoted", "[query_builder]") {
  CHECK(built("title:typhoons") == "Query(ZStyphoon)");
  CHECK(built("title:\"Volt Typhoon\"") == "Query((Svolt PHRASE 2 Styphoon))");
  CHECK(built("title:(volt OR typhoon)") == "Query((ZSvolt OR ZStyphoon))");
}

TEST_CASE("path:, type:, country: and actor: select without weight", "[query_builder]") {
  CHECK(built("path:reports") == "Query(0 * Preports)");
  // A name's words: the whole, or else the words the index holds for it.
  CHECK(built("path:ThreatReport") == "Query(0 * (Pthreatreport OR (Pthreat AND Preport)))");
  CHECK(built("path:threat-assessment.txt") ==
        "Query(0 * (Pthreat-assessment.txt OR (Pthreat AND Passessment AND Ptxt)))");
  CHECK(built("path:norway-2024") == "Query(0 * (Pnorway AND P2024))");
  CHECK(built("type:MD") == "Query(0 * Tmd)");
  CHECK(built("espionage country:Norwegian") == "Query((Zespionag AND 0 * XCNO))");
  CHECK(built("country:Dutch") == "Query(0 * (XCNL OR XCBQ))");
  // The excluded side carries no weight anyway, and Xapian drops the scaling there.
  CHECK(built("actor:\"Ministry of State Security\" -country:NO") == "Query((0 * XAmss-cn AND_NOT XCNO))");
}

TEST_CASE("an unknown country or actor in a query is an error", "[query_builder]") {
  CHECK_THROWS_WITH(built("country:Atlantis"), "unknown country 'Atlantis'");
  CHECK_THROWS_AS(built("actor:Nobody"), dossier::searcher::UnknownEntityError);
}

TEST_CASE("a word matches its stems in every language of the index, as one synonym", "[query_builder]") {
  CHECK(build("etterretningstjenesten", DefaultOperator::And, {"en", "no"}).query.get_description() ==
        "Query((Zetterretningstjenesten SYNONYM Zetterretningstjenest))");
  // English and French agree on this stem: one term, not a synonym of itself.
  CHECK(build("operations", DefaultOperator::And, {"en", "fr"}).query.get_description() == "Query(Zoper)");
  CHECK(build("2024", DefaultOperator::And, {"en", "no"}).query.get_description() == "Query(2024)");
}

TEST_CASE("author: and lang: select by metadata, * matches all", "[query_builder]") {
  CHECK(built("author:\"Britt Verregghen\"") == "Query((Abritt PHRASE 2 Averregghen))");
  CHECK(built("author:verregghen") == "Query(Averregghen)");
  CHECK(built("lang:Norwegian") == "Query(0 * Lno)");
  CHECK(built("*") == "Query(<alldocuments>)");
  CHECK_THROWS_WITH(built("lang:Klingon"), "unknown language 'Klingon'");
}

TEST_CASE("date: ranges select documents whose whole date lies inside", "[query_builder]") {
  CHECK(built("date:2024-01..2024-03") == "Query(0 * (VALUE_GE 5 20240101 AND VALUE_LE 6 20240331))");
  CHECK(built("date:2024") == "Query(0 * (VALUE_GE 5 20240101 AND VALUE_LE 6 20241231))");
  CHECK(built("date:2024-02..") == "Query(VALUE_GE 5 20240201)");  // a lone range carries no weight
  CHECK(built("date:..2023") == "Query(VALUE_LE 6 20231231)");
  CHECK_THROWS_WITH(
      built("x date:2024-13"),
      "invalid date range '2024-13' (use YYYY, YYYY-MM or YYYY-MM-DD, and FROM..TO) at column 8");
  CHECK_THROWS_AS(built("date:.."), dossier::searcher::QuerySyntaxError);
}

TEST_CASE("NEAR/n matches exact words in any order within n words, ADJ/n in order", "[query_builder]") {
  CHECK(built("malware NEAR/6 Fortinet") == "Query((malware NEAR 8 fortinet))");
  CHECK(built("state ADJ/1 security") == "Query((state PHRASE 3 security))");
  CHECK(built("title:(volt NEAR/0 typhoon)") == "Query((Svolt NEAR 2 Styphoon))");
  CHECK(built("a NEAR/2 b NEAR/2 c") == "Query((a NEAR 7 b NEAR 7 c))");
}

TEST_CASE("NEAR/n operands that are phrases widen the window by their words", "[query_builder]") {
  CHECK(built("\"state security\" NEAR/3 China") ==
        "Query(((state NEAR 6 security NEAR 6 china) AND (state PHRASE 2 security)))");
  CHECK(built("China-based ADJ/0 actors") ==
        "Query(((china PHRASE 3 based PHRASE 3 actors) AND (china PHRASE 2 based)))");
}

TEST_CASE("NEAR/n highlights its exact words", "[query_builder]") {
  const auto result = build("malware NEAR/6 Fortinet");
  CHECK(result.match_terms.terms == std::set<std::string>{"fortinet", "malware"});
  CHECK(result.match_terms.stems.empty());
}

TEST_CASE("NEAR/n under a field without positions is an error with the column", "[query_builder]") {
  CHECK_THROWS_WITH(built("x path:(a NEAR/2 b)"),
                    "NEAR/n works only in the text, title: and author: at column 9");
}

TEST_CASE("a wildcard expands the folded prefix to the most frequent indexed words", "[query_builder]") {
  CHECK(built("Espion*") == "Query(WILDCARD SYNONYM espion)");
  CHECK(built("title:typh*") == "Query(WILDCARD SYNONYM Styph)");
  CHECK(built("path:rep*") == "Query(0 * WILDCARD SYNONYM Prep)");
  CHECK(build("espion* malware").match_terms.prefixes == std::set<std::string>{"espion"});
}

TEST_CASE("a wildcard on a field that names things, or on several words, is an error", "[query_builder]") {
  CHECK_THROWS_WITH(built("country:Nor*"),
                    "a wildcard works only in the text, title:, author: and path: at column 9");
  CHECK_THROWS_WITH(built("China-ba*"),
                    "a wildcard needs one word or the start of an identifier before its '*' at column 1");
}

namespace {

// Knows APT28 by its names, as an index's metadata would.
class AliasResolver : public FakeResolver {
 public:
  std::vector<std::string> find_actors(std::string_view text) const override {
    if (text == "APT28" || text == "Fancy Bear" || text == "Sofacy") return {"apt28"};
    return {};
  }
  std::vector<std::string> actor_aliases(std::string_view id) const override {
    if (id == "apt28" && with_names_) return {"apt28", "fancy bear", "sofacy"};
    return {};
  }
  bool with_names_ = false;
};

dossier::searcher::BuiltQuery build_with_aliases(std::string_view query, bool expand = true,
                                                 bool names = false) {
  static const Analyzer analyzer;
  AliasResolver resolver;
  resolver.with_names_ = names;
  return build_query(parse_query(query), {analyzer, resolver, DefaultOperator::And, {}, expand});
}

}  // namespace

TEST_CASE("a word or juxtaposed words naming an actor also match the actor's filter term",
          "[query_builder]") {
  CHECK(build_with_aliases("APT28").query.get_description() == "Query((apt28 OR XAapt28))");
  CHECK(build_with_aliases("Fancy Bear").query.get_description() == "Query(((Zfanci AND Zbear) OR XAapt28))");
  CHECK(build_with_aliases("Sofacy phishing").query.get_description() ==
        "Query(((Zsofaci OR XAapt28) AND Zphish))");
  CHECK(build_with_aliases("APT28").alias_actors == std::vector<std::string>{"apt28"});
}

TEST_CASE("quoted phrases, fields and --exact do not expand aliases", "[query_builder]") {
  CHECK(build_with_aliases("\"APT28\"").query.get_description() == "Query(apt28)");
  CHECK(build_with_aliases("title:APT28").query.get_description() == "Query(Sapt28)");
  CHECK(build_with_aliases("APT28", false).query.get_description() == "Query(apt28)");
}

TEST_CASE("a negated actor name excludes its aliases too, and is not reported as matched",
          "[query_builder]") {
  const auto result = build_with_aliases("phishing -APT28");
  CHECK(result.query.get_description() == "Query((Zphish AND_NOT (apt28 OR XAapt28)))");
  CHECK(result.alias_actors.empty());
}

TEST_CASE("in documents tagged with the actor, its other names add weight", "[query_builder]") {
  CHECK(build_with_aliases("APT28", true, true).query.get_description() ==
        "Query((apt28 OR (XAapt28 AND_MAYBE ((fancy PHRASE 2 bear) OR sofacy))))");
}

TEST_CASE("a wildcard on the start of an identifier expands to whole identifiers", "[query_builder]") {
  CHECK(built("CVE-2023-*") == "Query(WILDCARD SYNONYM cve-2023-)");
  CHECK(built("evil.example.*") == "Query(WILDCARD SYNONYM evil.example.)");
}
