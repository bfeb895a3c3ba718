// Built queries: which term each word becomes, what a snippet highlights, what is an error. What
// queries match and how they rank is checked by running them, in query_matching_test.cpp. Two
// tests compare Xapian::Query descriptions as golden strings on purpose: the term a word becomes
// (stem, exact identifier or number: every term source has a golden test, STYLE.md rule 3), and the
// OP_SYNONYM that makes a word's stems in several languages weigh as one term, which no set of
// matches would show.
#include "dossier/searcher/query_builder.h"

#include <catch2/catch.hpp>

#include "dossier/analysis/schema.h"
#include "dossier/searcher/search_errors.h"
#include "fake_resolver.h"
#include "proximity_boost.h"

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

// What a query matches: its description without the weight-only right side of the proximity
// boost's AND_MAYBE (which the tests below check by ranking, not by description).
std::string built(std::string_view query, DefaultOperator op = DefaultOperator::And) {
  const Xapian::Query full = build(query, op).query;
  return (full.get_type() == Xapian::Query::OP_AND_MAYBE ? full.get_subquery(0) : full).get_description();
}

// An in-memory index whose documents get the body terms the indexer gives a text (exact words with
// positions, and their stems), plus any extra terms (an actor's XA term).
class MiniIndex {
 public:
  Xapian::docid add(std::string_view text, const std::vector<std::string>& extra = {}) {
    static const Analyzer analyzer;
    Xapian::Document document;
    analyzer.for_each_token(text, "en", [&document](const dossier::analysis::Token& token) {
      if (token.role != dossier::analysis::TokenRole::Primary) return;
      document.add_posting(token.term, token.position);
      if (!token.stem.empty()) document.add_term("Z" + token.stem);
    });
    for (const std::string& term : extra)
      document.add_boolean_term(term);
    return database_.add_document(document);
  }

  // The documents `query` matches, best first.
  std::vector<Xapian::docid> ranked(const Xapian::Query& query) const {
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    std::vector<Xapian::docid> ids;
    const Xapian::MSet mset = enquire.get_mset(0, database_.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it)
      ids.push_back(*it);
    return ids;
  }

  const Xapian::Database& database() const { return database_; }

 private:
  Xapian::WritableDatabase database_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

// Twelve sentences of words no query here asks for: they keep query words apart.
const std::string kFiller =
    " The notes cover budgets, staffing, travel, audits, training, procurement, leases, grants,"
    " archives, reviews, translations and vehicles. ";

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
  // An identifier has no stem: its exact title term counts.
  CHECK(build_query(parse_query("APT28"), context).query.get_description() ==
        "Query((apt28 AND_MAYBE 0.25 * Sapt28))");
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
    if (text == "APT28" || text == "Fancy Bear" || text == "Sofacy" || text == "Strontium") return {"apt28"};
    return {};
  }
  std::vector<std::string> actor_aliases(std::string_view id) const override {
    if (id == "apt28" && with_names_) return {"apt28", "fancy bear", "sofacy", "strontium", "swallowtail"};
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
  MiniIndex index;
  const auto typed = index.add("APT28 sent phishing mail to ministries.", {"XAapt28"});
  const auto alias = index.add("Fancy Bear sent phishing mail to ministries.", {"XAapt28"});
  index.add("A bear was seen near the coast; phishing mail is rare there.");
  for (const char* query : {"APT28", "Fancy Bear", "Sofacy", "Sofacy phishing"}) {
    auto matched = index.ranked(build_with_aliases(query, true, true).query);
    std::sort(matched.begin(), matched.end());
    CHECK(matched == std::vector<Xapian::docid>{typed, alias});
  }
  CHECK(build_with_aliases("APT28").alias_actors == std::vector<std::string>{"apt28"});
}

TEST_CASE("quoted phrases, fields and --exact do not expand aliases", "[query_builder]") {
  CHECK(build_with_aliases("\"APT28\"").query.get_description() == "Query(apt28)");
  CHECK(build_with_aliases("title:APT28").query.get_description() == "Query(Sapt28)");
  CHECK(build_with_aliases("APT28", false).query.get_description() == "Query(apt28)");
}

TEST_CASE("a negated actor name excludes its aliases too, and is not reported as matched",
          "[query_builder]") {
  MiniIndex index;
  index.add("APT28 sent phishing mail.", {"XAapt28"});
  index.add("Fancy Bear sent phishing mail.", {"XAapt28"});
  const auto other = index.add("Criminals sent phishing mail.");
  const auto result = build_with_aliases("phishing -APT28", true, true);
  CHECK(index.ranked(result.query) == std::vector<Xapian::docid>{other});
  CHECK(result.alias_actors.empty());
}

TEST_CASE("in documents tagged with the actor, its other names add weight, elsewhere they match nothing",
          "[query_builder]") {
  MiniIndex index;
  const auto silent = index.add("The group sent phishing mail to ministries.", {"XAapt28"});
  const auto named = index.add("Fancy Bear sent phishing mail to ministries.", {"XAapt28"});
  index.add("Strontium is a soft metal; Sofacy is a sculptor's name.");
  CHECK(index.ranked(build_with_aliases("APT28", true, true).query) ==
        std::vector<Xapian::docid>{named, silent});
}

TEST_CASE("an actor counts once per document: a list of its aliases weighs no more than one mention",
          "[query_builder]") {
  static const Analyzer analyzer;
  AliasResolver resolver;
  resolver.with_names_ = true;
  MiniIndex index;
  const auto list = index.add(
      "APT15 hit ministries; the timing overlaps with Swallowtail (aka APT28, Fancy Bear, Sofacy, "
      "Strontium), but the tools differ." +
          kFiller,
      {"XAapt28", "XAapt15"});
  const auto twice = index.add(
      "Investigators tied the webmail intrusions to APT28, and later to APT28 again." + kFiller, {"XAapt28"});
  const auto aliases = index.add(
      "Fancy Bear phished ministries; Fancy Bear read their mail, and Fancy Bear kept it. Fancy Bear left." +
          kFiller,
      {"XAapt28"});
  for (int i = 0; i < 6; ++i)
    index.add("Ransomware crews hit hospitals and schools." + kFiller);
  dossier::searcher::QueryContext context{analyzer, resolver, DefaultOperator::And, {}, true};
  context.statistics = &index.database();
  const auto ranked = index.ranked(build_query(parse_query("APT28"), context).query);
  REQUIRE(ranked.size() == 3);
  CHECK(ranked.back() == list);
  CHECK((ranked[0] == twice || ranked[0] == aliases));
}

TEST_CASE("a wildcard on the start of an identifier expands to whole identifiers", "[query_builder]") {
  CHECK(built("CVE-2023-*") == "Query(WILDCARD SYNONYM cve-2023-)");
  CHECK(built("evil.example.*") == "Query(WILDCARD SYNONYM evil.example.)");
}

TEST_CASE("juxtaposed words rank the documents where they stand together first", "[query_builder]") {
  MiniIndex index;
  const auto apart = index.add("The US economy grew and US exports rose." + kFiller + kFiller +
                               "Military planners met; the military budget was cut.");
  const auto together = index.add("Analysts say the US military moved radar units." + kFiller + kFiller);
  index.add("Nothing here." + kFiller);
  const Xapian::Query query = build("US military").query;
  CHECK(index.ranked(query) == std::vector<Xapian::docid>{together, apart});
  // Without the boost, the two mentions of each word win: the boost is what puts `together` first.
  CHECK(index.ranked(query.get_subquery(0)) == std::vector<Xapian::docid>{apart, together});
}

TEST_CASE("words in order rank above words near each other, which rank above words apart",
          "[query_builder]") {
  MiniIndex index;
  // Each document has one of each word and the same length: only where they stand differs.
  const auto apart = index.add("US forces." + kFiller + "Military units now.");
  const auto near = index.add("Military units of the US." + kFiller);
  const auto phrase = index.add("US military units." + kFiller + "Of the.");
  for (const DefaultOperator op : {DefaultOperator::And, DefaultOperator::Or})
    CHECK(index.ranked(build("US military", op).query) == std::vector<Xapian::docid>{phrase, near, apart});
}

TEST_CASE("function words between query words keep their distance in the boost", "[query_builder]") {
  MiniIndex index;
  const auto apart = index.add("The effect." + kFiller + "Espionage.");
  const auto written = index.add("The effect of espionage." + kFiller);
  CHECK(index.ranked(build("the effect of espionage", DefaultOperator::Or).query) ==
        std::vector<Xapian::docid>{written, apart});
}

TEST_CASE("a long query boosts at most a bounded number of neighbouring pairs", "[query_builder]") {
  std::vector<dossier::searcher::PlacedTerm> words;
  for (std::size_t i = 0; i < 30; ++i)
    words.push_back({"w" + std::to_string(i), i});
  const Xapian::Query boost = dossier::searcher::proximity_boost(words, 1.0);
  REQUIRE(boost.get_type() == Xapian::Query::OP_SCALE_WEIGHT);
  // A phrase and a near query per pair.
  CHECK(boost.get_subquery(0).get_num_subqueries() == 2 * dossier::searcher::kMaxProximityPairs);
  CHECK(dossier::searcher::proximity_boost({{"one", 1}}, 1.0).empty());
}
