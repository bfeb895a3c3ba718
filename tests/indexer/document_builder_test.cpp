// Golden term list of a built document: what the index holds for a small report.
#include "dossier/indexer/document_builder.h"

#include <catch2/catch.hpp>
#include <string>

#include "dossier/analysis/digest.h"
#include "dossier/analysis/document_record.h"
#include "dossier/analysis/schema.h"

namespace schema = dossier::analysis::schema;
using dossier::analysis::Analyzer;
using dossier::indexer::DocumentBuilder;
using dossier::indexer::ExtractedDocument;
using dossier::indexer::FileFormat;
using dossier::indexer::SourceFile;

namespace {

// "term:wdf" for every term, or "term@positions" for positional terms, in term order.
std::string render_terms(const Xapian::Document& document) {
  std::string out;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    if (!out.empty()) out += ' ';
    out += *term;
    if (term.positionlist_count() > 0) {
      out += '@';
      for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
        if (out.back() != '@') out += ',';
        out += std::to_string(*pos);
      }
    } else if (term.get_wdf() > 0) {
      out += ":" + std::to_string(term.get_wdf());
    }
  }
  return out;
}

ExtractedDocument content(std::string text, std::string title) {
  ExtractedDocument document;
  document.text = std::move(text);
  document.title = std::move(title);
  return document;
}

// The path terms of `document`, each followed by a space, in term order.
std::string path_terms_of(const Xapian::Document& document) {
  std::string paths;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    if ((*term).starts_with("P")) paths += *term + " ";
  }
  return paths;
}

const SourceFile kSource{"/reports/Volt.md",        "/reports",
                         FileFormat::Markdown,      42,
                         1'700'000'000'000'000'000, "00112233445566778899aabbccddeeff"};

}  // namespace

TEST_CASE("a document holds body, stem, title, path, format, id and digest terms", "[document_builder]") {
  const Analyzer analyzer;
  const Xapian::Document document =
      DocumentBuilder(analyzer, nullptr)
          .build(kSource, content("Volt Typhoon hit 203.0.113.77; typhoons.", "Volt Typhoon"))
          .document;
  const std::string id = schema::unique_term("/reports/Volt.md");
  const std::string root = "XR" + dossier::analysis::digest_hex("/reports");
  CHECK(render_terms(document) ==
        "203.0.113.77@4 Pmd Preports Pvolt Pvolt.md " + id + " Styphoon@2 Svolt@1 Tmd " + root +
            " ZStyphoon:1 ZSvolt:1 Zhit:1 Ztyphoon:2 Zvolt:1 hit@3 typhoon@2 typhoons@5 volt@1");
}

TEST_CASE("path terms name the root folder and what lies below it, not the folders above",
          "[document_builder]") {
  const Analyzer analyzer;
  SourceFile source = kSource;
  source.path = "/home/ana/cases/2024/apt40.txt";
  source.root = "/home/ana/cases";
  const Xapian::Document document =
      DocumentBuilder(analyzer, nullptr).build(source, content("x", "x")).document;
  CHECK(path_terms_of(document) == "P2024 P40 Papt Papt40 Papt40.txt Pcases Ptxt ");
  CHECK(document.get_value(schema::kRootSlot) == dossier::analysis::digest_hex("/home/ana/cases"));
  CHECK(document.get_value(schema::kPathDigestSlot) == dossier::analysis::digest_hex(source.path));
}

TEST_CASE("a file name's words are path terms beside the whole name", "[document_builder]") {
  const Analyzer analyzer;
  SourceFile source = kSource;
  source.path = "/reports/norway-2024-threat-assessment.txt";
  const Xapian::Document document =
      DocumentBuilder(analyzer, nullptr).build(source, content("x", "x")).document;
  CHECK(path_terms_of(document) ==
        "P2024 Passessment Pnorway Pnorway-2024-threat-assessment.txt Preports Pthreat Ptxt ");
}

TEST_CASE("values and data carry what a search result and a rerun need", "[document_builder]") {
  const Analyzer analyzer;
  const Xapian::Document document =
      DocumentBuilder(analyzer, nullptr).build(kSource, content("text", "title")).document;
  CHECK(schema::decode_int64(document.get_value(schema::kMtimeSlot)) == kSource.mtime_ns);
  CHECK(schema::decode_int64(document.get_value(schema::kSizeSlot)) == 42);
  CHECK(document.get_value(schema::kDigestSlot) == kSource.content_digest);
  const auto record = dossier::analysis::decode_record(document.get_data());
  CHECK(record.path == kSource.path);
  CHECK(record.title == "title");
  CHECK(record.text == "text");
  CHECK(record.format == "md");
}

TEST_CASE("no text, however odd, produces a term Xapian would reject", "[document_builder]") {
  const Analyzer analyzer;
  const std::string text =
      std::string(100'000, 'a') + " " + std::string(3000, '7') + " \xff\xfe " + std::string(5000, '.') + "x";
  const Xapian::Document document =
      DocumentBuilder(analyzer, nullptr).build(kSource, content(text, text)).document;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    CHECK((*term).size() <= 245);
  }
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK_NOTHROW(database.add_document(document));
}

TEST_CASE("tagged entities become filter terms, facet sets and recorded mentions", "[document_builder]") {
  using dossier::analysis::Gazetteer;
  const Gazetteer gazetteer = Gazetteer::build(
      {{"c", "code\tname\taliases\tdemonyms\tcapitals\nCN\tChina\t\tChinese\t\nNL\tNetherlands\t\tDutch\t\n"},
       {"a",
        "id\tname\tkind\tcountry\taliases\nmss-cn\tMinistry of State "
        "Security\tintelligence-agency\tCN\tMSS\n"},
       {"w", "alias\treason\n"},
       {},
       {}},
      {});
  const Analyzer analyzer;
  const dossier::analysis::EntityTagger tagger(gazetteer, analyzer);
  const auto built =
      DocumentBuilder(analyzer, &tagger)
          .build(kSource, content("The MSS of China; Chinese and Dutch. The Bureau of Cyber Command (BCC) "
                                  "warned.",
                                  "t"));
  const Xapian::Document& document = built.document;
  std::string filters;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    if ((*term).starts_with("XC") || (*term).starts_with("XA")) filters += *term + " ";
  }
  CHECK(filters == "XAmss-cn XAunknown-bureau-of-cyber-command XCCN XCNL ");
  CHECK(document.get_value(schema::kCountriesSlot) == "CN|NL");
  CHECK(document.get_value(schema::kActorsSlot) == "mss-cn|unknown-bureau-of-cyber-command");
  const auto record = dossier::analysis::decode_record(document.get_data());
  REQUIRE(record.countries.size() == 2);
  CHECK(record.countries[0] == dossier::analysis::RecordedEntity{"CN", 2, {"China", "Chinese"}});
  REQUIRE(built.defined_actors.size() == 1);
  CHECK(built.defined_actors[0].name == "Bureau of Cyber Command");
}

TEST_CASE("the document's language picks its stemmer, and is kept", "[document_builder]") {
  const Analyzer analyzer;
  ExtractedDocument norwegian = content(
      "Etterretningstjenestens vurdering: kinesiske etterretningstjenester driver spionasje mot norske "
      "virksomheter og myndigheter.",
      "Trusselvurdering");
  const auto built = DocumentBuilder(analyzer, nullptr).build(kSource, norwegian);
  CHECK(built.language == "no");
  CHECK(built.document.termlist_begin() != built.document.termlist_end());
  const auto has = [&](const std::string& term) {
    auto it = built.document.termlist_begin();
    it.skip_to(term);
    return it != built.document.termlist_end() && *it == term;
  };
  CHECK(has("Zetterretningstjenest"));  // Norwegian stem of both inflections
  CHECK(has("Lno"));
  CHECK(schema::decode_facet_key(built.document.get_value(schema::kFacetKeySlot)).language == "no");
  norwegian.language = "nb-NO";  // a declared language wins over detection
  CHECK(DocumentBuilder(analyzer, nullptr).build(kSource, norwegian).language == "nb");
}

TEST_CASE("author words, date range and the facet key go into terms and values", "[document_builder]") {
  const Analyzer analyzer;
  ExtractedDocument document = content("text of the report", "title");
  document.author = "Britt Verregghen";
  document.date = dossier::analysis::make_date(2024, 2);
  const Xapian::Document built = DocumentBuilder(analyzer, nullptr).build(kSource, document).document;
  CHECK(built.get_value(schema::kDateFirstSlot) == "20240201");
  CHECK(built.get_value(schema::kDateLastSlot) == "20240229");
  const schema::FacetKey key = schema::decode_facet_key(built.get_value(schema::kFacetKeySlot));
  CHECK(key.period == "202402");
  CHECK(key.format == "md");
  // The facets live in one slot now; the retired ones stay empty.
  CHECK(built.get_value(schema::kYearSlot).empty());
  CHECK(built.get_value(schema::kFormatSlot).empty());
  auto author = built.termlist_begin();
  author.skip_to("Abritt");
  REQUIRE(*author == "Abritt");
  CHECK(*author.positionlist_begin() == 1);
  const auto record = dossier::analysis::decode_record(built.get_data());
  CHECK(record.author == "Britt Verregghen");
  CHECK(record.date == "2024-02");
}

TEST_CASE("a file indexed as its own root still has its name as path terms", "[document_builder]") {
  const Analyzer analyzer;
  SourceFile source = kSource;
  source.root = source.path;
  const Xapian::Document document =
      DocumentBuilder(analyzer, nullptr).build(source, content("x", "x")).document;
  CHECK(path_terms_of(document) == "Pmd Pvolt Pvolt.md ");
}
