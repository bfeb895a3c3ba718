// What built queries match and how they rank, judged on reports that DocumentBuilder turns into
// documents exactly as the indexer does (body, title, author, path, format, language and date
// terms and values), in an in-memory index. Unlike comparing Xapian::Query descriptions, these
// checks hold whatever shape the builder gives a query, as long as it finds the same documents.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/document_date.h"
#include "dossier/analysis/schema.h"
#include "dossier/indexer/document_builder.h"
#include "dossier/searcher/query_builder.h"
#include "dossier/searcher/search_errors.h"
#include "fake_resolver.h"

namespace schema = dossier::analysis::schema;
using dossier::analysis::Analyzer;
using dossier::analysis::make_date;
using dossier::searcher::DefaultOperator;
using Names = std::set<std::string>;

namespace {

// One report: its file name identifies it in the results. The rest is set by the chained calls.
struct Report {
  Report(std::string file, std::string body, std::string heading = {})
      : name(std::move(file)), text(std::move(body)), title(std::move(heading)) {}
  Report& by(std::string who) {
    author = std::move(who);
    return *this;
  }
  Report& in(std::string code) {
    language = std::move(code);
    return *this;
  }
  Report& dated(std::optional<dossier::analysis::DocumentDate> when) {
    date = when;
    return *this;
  }
  Report& naming(std::vector<std::string> country_codes, std::vector<std::string> actor_ids = {}) {
    countries = std::move(country_codes);
    actors = std::move(actor_ids);
    return *this;
  }

  std::string name;  ///< "a.txt", or "inbox/a.md": the path below the root /data
  std::string text;
  std::string title;
  std::string author;
  std::string language = "en";  ///< declared, so that CLD2 does not guess on a short text
  std::optional<dossier::analysis::DocumentDate> date;
  std::vector<std::string> countries;  ///< codes the tagger would have found
  std::vector<std::string> actors;     ///< actor ids the tagger would have found
};

dossier::indexer::FileFormat format_of(const std::string& name) {
  if (name.ends_with(".md")) return dossier::indexer::FileFormat::Markdown;
  if (name.ends_with(".html")) return dossier::indexer::FileFormat::Html;
  return dossier::indexer::FileFormat::PlainText;
}

class Reports {
 public:
  explicit Reports(const std::vector<Report>& reports) {
    const dossier::indexer::DocumentBuilder builder(analyzer(), nullptr);
    for (const Report& report : reports) {
      dossier::indexer::SourceFile source;
      source.path = "/data/" + report.name;
      source.root = "/data";
      source.format = format_of(report.name);
      dossier::indexer::ExtractedDocument content;
      content.text = report.text;
      content.title = report.title;
      content.author = report.author;
      content.language = report.language;
      content.date = report.date;
      Xapian::Document document = builder.build(source, content).document;
      for (const std::string& code : report.countries)
        document.add_boolean_term(std::string(schema::kCountryPrefix) + code);
      for (const std::string& id : report.actors)
        document.add_boolean_term(std::string(schema::kActorPrefix) + id);
      names_[database_.add_document(document)] = report.name;
    }
  }

  // The names of the reports `query` matches, best first.
  std::vector<std::string> ranked(std::string_view query, DefaultOperator op = DefaultOperator::And,
                                  double title_weight = 0.0) const {
    std::vector<std::string> names;
    for (const auto& [id, weight] : run(query, op, title_weight))
      names.push_back(names_.at(id));
    return names;
  }

  Names matched(std::string_view query, DefaultOperator op = DefaultOperator::And) const {
    const std::vector<std::string> list = ranked(query, op);
    return {list.begin(), list.end()};
  }

  // Each matched report's weight, by name.
  std::map<std::string, double> weights(std::string_view query, double title_weight = 0.0) const {
    std::map<std::string, double> out;
    for (const auto& [id, weight] : run(query, DefaultOperator::And, title_weight))
      out[names_.at(id)] = weight;
    return out;
  }

 private:
  static const Analyzer& analyzer() {
    static const Analyzer instance;
    return instance;
  }

  std::vector<std::pair<Xapian::docid, double>> run(std::string_view query, DefaultOperator op,
                                                    double title_weight) const {
    static const dossier::testing::FakeResolver resolver;
    dossier::searcher::QueryContext context{analyzer(), resolver, op, {}};
    context.title_weight = title_weight;
    Xapian::Enquire enquire(database_);
    enquire.set_query(dossier::searcher::build_query(dossier::searcher::parse_query(query), context).query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    // Wildcards expand over the terms of this database, as they do over a real index.
    const Xapian::MSet mset = enquire.get_mset(0, database_.get_doccount());
    std::vector<std::pair<Xapian::docid, double>> out;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      out.emplace_back(*it, it.get_weight());
    return out;
  }

  Xapian::WritableDatabase database_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  std::map<Xapian::docid, std::string> names_;
};

}  // namespace

TEST_CASE("all query words must match by default, any of them with --any", "[query_matching]") {
  const Reports reports({{"both.txt", "Chinese espionage in Europe."},
                         {"one.txt", "Economic espionage by insiders."},
                         {"other.txt", "Chinese investment in ports."},
                         {"none.txt", "Weather report."}});
  CHECK(reports.matched("Chinese espionage") == Names{"both.txt"});
  CHECK(reports.matched("Chinese espionage", DefaultOperator::Or) ==
        Names{"both.txt", "one.txt", "other.txt"});
  CHECK(reports.ranked("Chinese espionage", DefaultOperator::Or).front() == "both.txt");
  // Stems and case folding on both sides: other inflections and accents match.
  CHECK(reports.matched("ESPIONAGES") == Names{"both.txt", "one.txt"});
}

TEST_CASE("with --any, function words match only when the query has nothing else", "[query_matching]") {
  const Reports reports({{"effect.txt", "A lasting effect on trade."},
                         {"spy.txt", "Espionage cases rose."},
                         {"words.txt", "What is the plan?"},
                         {"both.txt", "The effect was small."}});
  CHECK(reports.matched("what is the effect of espionage", DefaultOperator::Or) ==
        Names{"effect.txt", "spy.txt", "both.txt"});
  CHECK(reports.matched("what is the", DefaultOperator::Or) == Names{"words.txt", "both.txt"});
  // Without --any every word counts, function words included.
  CHECK(reports.matched("the effect") == Names{"both.txt"});
}

TEST_CASE("a quoted phrase matches its exact words in order", "[query_matching]") {
  const Reports reports({{"name.txt", "China's Ministry of State Security recruited them."},
                         {"shuffled.txt", "The State Security of the Ministry is small."},
                         {"plural.txt", "Typhoons hit the coast."},
                         {"singular.txt", "A typhoon hit the coast."}});
  CHECK(reports.matched("\"Ministry of State Security\"") == Names{"name.txt"});
  CHECK(reports.matched("Ministry State Security") == Names{"name.txt", "shuffled.txt"});
  // A one-word phrase is that exact word, unstemmed.
  CHECK(reports.matched("\"typhoon\"") == Names{"singular.txt"});
  CHECK(reports.matched("typhoon") == Names{"plural.txt", "singular.txt"});
}

TEST_CASE("a word the analyzer splits is matched as a phrase of its parts", "[query_matching]") {
  const Reports reports({{"joined.txt", "China-based actors were seen."},
                         {"spaced.txt", "Actors China based, reportedly."},
                         {"apart.txt", "Actors based in China."},
                         {"cjk.txt", "\u56fd\u5bb6\u5b89\u5168\u90e8\u7684\u62a5\u544a"},
                         {"cjk-apart.txt", "\u90e8\u957f\u8c08\u56fd\u5bb6\u5b89\u5168"}});
  CHECK(reports.matched("China-based") == Names{"joined.txt", "spaced.txt"});
  CHECK(reports.matched("\u56fd\u5bb6\u5b89\u5168\u90e8") == Names{"cjk.txt"});
}

TEST_CASE("negations remove matches from what the rest of the query finds", "[query_matching]") {
  const Reports reports({{"no.txt", "Espionage against Norway."},
                         {"se.txt", "Espionage against Sweden."},
                         {"be.txt", "Espionage against Belgium."},
                         {"botnet.txt", "A Belgium botnet and a Norwegian botnet."},
                         {"quiet.txt", "Nothing happened in Norway."}});
  CHECK(reports.matched("espionage AND NOT Norway") == Names{"se.txt", "be.txt"});
  CHECK(reports.matched("espionage -norway -sweden") == Names{"be.txt"});
  CHECK(reports.matched("NOT norway") == Names{"se.txt", "be.txt", "botnet.txt"});
  CHECK(reports.matched("(Belgium OR Norwegian) AND botnet") == Names{"botnet.txt"});
  CHECK(reports.matched("(Belgium OR Norwegian)") == Names{"be.txt", "botnet.txt"});
}

TEST_CASE("punctuation-only words are left out of what must match", "[query_matching]") {
  const Reports reports({{"a.txt", "Espionage & sabotage."}, {"b.txt", "Espionage cases."}});
  CHECK(reports.matched("espionage &") == Names{"a.txt", "b.txt"});
  CHECK(reports.matched("espionage & !!") == Names{"a.txt", "b.txt"});
}

TEST_CASE("title: matches title words, stemmed unless quoted", "[query_matching]") {
  const Reports reports({{"volt.txt", "Prepositioning in utilities.", "Volt Typhoon returns"},
                         {"reversed.txt", "Storm season.", "Typhoon Volt"},
                         {"body.txt", "Volt Typhoon in the body only.", "Quarterly notes"},
                         {"other.txt", "Nothing.", "Voltage regulators"}});
  CHECK(reports.matched("title:typhoons") == Names{"volt.txt", "reversed.txt"});
  CHECK(reports.matched("title:\"Volt Typhoon\"") == Names{"volt.txt"});
  CHECK(reports.matched("title:(volt OR typhoon)") == Names{"volt.txt", "reversed.txt"});
}

TEST_CASE("with a title weight, a query word in a title ranks its report higher but matches no more",
          "[query_matching]") {
  const Reports reports({{"titled.txt", "Espionage against the state.", "Espionage"},
                         {"plain.txt", "Espionage against the state.", "Annual notes"},
                         {"title-only.txt", "Nothing of the kind.", "Espionage digest"}});
  const auto flat = reports.weights("espionage -Norway");
  const auto weighted = reports.weights("espionage -Norway", 0.25);
  CHECK(flat.size() == weighted.size());
  CHECK(weighted.at("titled.txt") > flat.at("titled.txt"));
  CHECK(weighted.at("plain.txt") == Approx(flat.at("plain.txt")));
}

TEST_CASE("path:, type:, country: and actor: select reports without adding weight", "[query_matching]") {
  const Reports reports({Report("inbox/a.txt", "Espionage in Norway.").naming({"NO"}),
                         Report("archive/b.md", "Espionage, a long report on espionage.").naming({"NL"}),
                         Report("archive/c.md", "Espionage by the MSS.").naming({"BQ", "NO"}, {"mss-cn"}),
                         Report("inbox/d.txt", "Weather.").naming({}, {"mss-cn"})});
  CHECK(reports.matched("path:inbox") == Names{"inbox/a.txt", "inbox/d.txt"});
  CHECK(reports.matched("type:MD") == Names{"archive/b.md", "archive/c.md"});
  CHECK(reports.matched("espionage country:Norwegian") == Names{"inbox/a.txt", "archive/c.md"});
  CHECK(reports.matched("country:Dutch") == Names{"archive/b.md", "archive/c.md"});
  CHECK(reports.matched("actor:\"Ministry of State Security\" -country:NO") == Names{"inbox/d.txt"});
  // A filter changes which reports match, never how much a match weighs.
  const auto words = reports.weights("espionage");
  for (const std::string filter : {"country:NO", "path:archive", "type:md", "actor:MSS"}) {
    INFO("espionage " << filter);
    for (const auto& [name, weight] : reports.weights("espionage " + filter))
      CHECK(weight == Approx(words.at(name)));
  }
  for (const auto& [name, weight] : reports.weights("path:inbox"))
    CHECK(weight == 0);
}

TEST_CASE("path: finds a file by its whole name or by the words inside it", "[query_matching]") {
  const Reports reports({Report("inbox/ThreatReport.txt", "Espionage."),
                         Report("threat-assessment.txt", "Espionage."),
                         Report("norway-2024/summary.md", "Espionage."), Report("report.txt", "Espionage.")});
  CHECK(reports.matched("path:ThreatReport") == Names{"inbox/ThreatReport.txt"});
  CHECK(reports.matched("path:threat-assessment.txt") == Names{"threat-assessment.txt"});
  CHECK(reports.matched("path:assessment") == Names{"threat-assessment.txt"});
  CHECK(reports.matched("path:norway-2024") == Names{"norway-2024/summary.md"});
  CHECK(reports.matched("path:threat") == Names{"inbox/ThreatReport.txt", "threat-assessment.txt"});
}

TEST_CASE("author: and lang: select by metadata, and * matches every report", "[query_matching]") {
  const Reports reports(
      {Report("a.txt", "Botnet.").by("Britt Verregghen"), Report("b.txt", "Botnet.").by("Verregghen, Britt"),
       Report("c.txt", "Botnett og spionasje mot norske virksomheter.").by("Ola Nordmann").in("no")});
  CHECK(reports.matched("author:\"Britt Verregghen\"") == Names{"a.txt"});
  CHECK(reports.matched("author:verregghen") == Names{"a.txt", "b.txt"});
  CHECK(reports.matched("lang:Norwegian") == Names{"c.txt"});
  CHECK(reports.matched("*") == Names{"a.txt", "b.txt", "c.txt"});
}

TEST_CASE("date: ranges select the reports whose whole date lies inside, without weight",
          "[query_matching]") {
  const Reports reports({Report("dec.txt", "Botnet.").dated(make_date(2023, 12, 31)),
                         Report("feb.txt", "Botnet.").dated(make_date(2024, 2, 13)),
                         Report("march.txt", "Botnet.").dated(make_date(2024, 3)),
                         Report("april.txt", "Botnet.").dated(make_date(2024, 4, 1)),
                         Report("year.txt", "Botnet.").dated(make_date(2024)),
                         {"undated.txt", "Botnet."}});
  CHECK(reports.matched("date:2024-01..2024-03") == Names{"feb.txt", "march.txt"});
  CHECK(reports.matched("date:2024") == Names{"feb.txt", "march.txt", "april.txt", "year.txt"});
  CHECK(reports.matched("date:2024-02..") == Names{"feb.txt", "march.txt", "april.txt"});
  CHECK(reports.matched("date:..2023") == Names{"dec.txt"});
  const auto words = reports.weights("botnet");
  for (const auto& [name, weight] : reports.weights("botnet date:2024"))
    CHECK(weight == Approx(words.at(name)));
  for (const auto& [name, weight] : reports.weights("date:2024-02.."))
    CHECK(weight == 0);
}

TEST_CASE("NEAR/n matches exact words in any order with at most n words between, ADJ/n in order",
          "[query_matching]") {
  const Reports reports({{"six.txt", "Malware one two three four five six Fortinet."},
                         {"seven.txt", "Malware one two three four five six seven Fortinet."},
                         {"reverse.txt", "Fortinet one two malware."},
                         {"adjacent.txt", "State security."},
                         {"one-between.txt", "State internal security."},
                         {"two-between.txt", "State and internal security."},
                         {"backwards.txt", "Security of the state."}});
  CHECK(reports.matched("malware NEAR/6 Fortinet") == Names{"six.txt", "reverse.txt"});
  CHECK(reports.matched("malware NEAR/2 Fortinet") == Names{"reverse.txt"});
  CHECK(reports.matched("state ADJ/1 security") == Names{"adjacent.txt", "one-between.txt"});
  CHECK(reports.matched("state NEAR/2 security") ==
        Names{"adjacent.txt", "one-between.txt", "two-between.txt", "backwards.txt"});
}

TEST_CASE("NEAR/n works on titles, on chains of words and on phrases", "[query_matching]") {
  const Reports reports({{"title.txt", "Body.", "Volt Typhoon"},
                         {"title-reversed.txt", "Body.", "Typhoon Volt"},
                         {"title-apart.txt", "Body.", "Volt and Typhoon"},
                         {"chain.txt", "a x b x c"},
                         {"chain-far.txt", "a x x x x x x x x b c"},
                         {"phrase.txt", "State security services of China."},
                         {"phrase-broken.txt", "Security state services of China."},
                         {"based.txt", "China-based actors."},
                         {"based-after.txt", "Actors China-based."}});
  CHECK(reports.matched("title:(volt NEAR/0 typhoon)") == Names{"title.txt", "title-reversed.txt"});
  CHECK(reports.matched("a NEAR/2 b NEAR/2 c") == Names{"chain.txt"});
  CHECK(reports.matched("\"state security\" NEAR/3 China") == Names{"phrase.txt"});
  CHECK(reports.matched("China-based ADJ/0 actors") == Names{"based.txt"});
}

TEST_CASE("a wildcard matches the indexed words and identifiers that start with its prefix",
          "[query_matching]") {
  const Reports reports({{"en.txt", "Espionage cases.", "Typhoon season"},
                         Report("fr.txt", "Rapport sur espionnage \u00e9conomique.", "Rapport").in("fr"),
                         {"reports/x.txt", "Weather."},
                         {"cve.txt", "CVE-2023-27997 and CVE-2024-1086."},
                         {"cve-old.txt", "CVE-2022-1388."},
                         {"host.txt", "C2 at evil.example.com."},
                         {"other-host.txt", "Mail from good.example.org."}});
  CHECK(reports.matched("Espion*") == Names{"en.txt", "fr.txt"});
  CHECK(reports.matched("title:typh*") == Names{"en.txt"});
  CHECK(reports.matched("path:rep*") == Names{"reports/x.txt"});
  CHECK(reports.matched("CVE-2023-*") == Names{"cve.txt"});
  CHECK(reports.matched("evil.example.*") == Names{"host.txt"});
}
