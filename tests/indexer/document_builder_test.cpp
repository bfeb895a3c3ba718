// Golden term list of a built document: what the index holds for a small report.
#include "dossier/indexer/document_builder.h"

#include <catch2/catch.hpp>
#include <string>

#include "dossier/analysis/document_record.h"
#include "dossier/analysis/schema.h"

namespace schema = dossier::analysis::schema;
using dossier::analysis::Analyzer;
using dossier::indexer::build_document;
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

const SourceFile kSource{"/reports/Volt.md", FileFormat::Markdown, 42, 1'700'000'000'000'000'000,
                         "00112233445566778899aabbccddeeff"};

}  // namespace

TEST_CASE("a document holds body, stem, title, path, format, id and digest terms", "[document_builder]") {
  const Analyzer analyzer;
  const Xapian::Document document =
      build_document(kSource, content("Volt Typhoon hit 203.0.113.77; typhoons.", "Volt Typhoon"), analyzer);
  const std::string id = schema::unique_term("/reports/Volt.md");
  CHECK(render_terms(document) ==
        "203.0.113.77@4 Pmd Preports Pvolt Pvolt.md " + id +
            " Styphoon@2 Svolt@1 Tmd XH00112233445566778899aabbccddeeff ZStyphoon:1 "
            "ZSvolt:1 Zhit:1 Ztyphoon:2 Zvolt:1 hit@3 typhoon@2 typhoons@5 volt@1");
}

TEST_CASE("values and data carry what a search result and a rerun need", "[document_builder]") {
  const Analyzer analyzer;
  const Xapian::Document document = build_document(kSource, content("text", "title"), analyzer);
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
  const Xapian::Document document = build_document(kSource, content(text, text), analyzer);
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    CHECK((*term).size() <= 245);
  }
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK_NOTHROW(database.add_document(document));
}
