// Built queries: which term each word becomes, what a snippet highlights, what is an error. What
// queries match and how they rank is checked by running them, in query_matching_test.cpp. Two
// tests compare Xapian::Query descriptions as golden strings on purpose: the term a word becomes
// (stem, exact identifier or number: every term source has a golden test, STYLE.md rule 3), and the
// OP_SYNONYM that makes a word's stems in several languages weigh as one term, which no set of
// matches would show.
#include "dossier/searcher/query_builder.h"

#include <catch2/catch.hpp>

#include "dossier/searcher/search_errors.h"
#include "fake_resolver.h"

using dossier::analysis::Analyzer;
using dossier::searcher::build_query;
using dossier::searcher::DefaultOperator;
using dossier::searcher::parse_query;
using dossier::testing::FakeResolver;

namespace {

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

TEST_CASE("a query of punctuation only is an error", "[query_builder]") {
  CHECK_THROWS_AS(built("& --- !!"), dossier::searcher::QuerySyntaxError);
}

TEST_CASE("highlight terms come from positive parts of the query only", "[query_builder]") {
  const auto result = build("espionage \"state security\" 203.0.113.77 -norway title:typhoon");
  CHECK(result.match_terms.stems == std::set<std::string>{"espionag"});
  CHECK(result.match_terms.terms == std::set<std::string>{"203.0.113.77"});
  CHECK(result.match_terms.phrases == std::vector<std::vector<std::string>>{{"state", "security"}});
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

TEST_CASE("an unknown language, or a date range that is no date, is an error", "[query_builder]") {
  CHECK_THROWS_WITH(built("lang:Klingon"), "unknown language 'Klingon'");
  CHECK_THROWS_WITH(
      built("x date:2024-13"),
      "invalid date range '2024-13' (use YYYY, YYYY-MM or YYYY-MM-DD, and FROM..TO) at column 8");
  CHECK_THROWS_AS(built("date:.."), dossier::searcher::QuerySyntaxError);
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

TEST_CASE("a wildcard highlights the words that start with its folded prefix", "[query_builder]") {
  CHECK(build("Espion* malware").match_terms.prefixes == std::set<std::string>{"espion"});
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
