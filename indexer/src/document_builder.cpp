#include "dossier/indexer/document_builder.h"

#include <filesystem>

#include "dossier/analysis/document_record.h"
#include "dossier/analysis/schema.h"
#include "dossier/analysis/utf8.h"

namespace dossier::indexer {
namespace {

namespace schema = analysis::schema;
using analysis::Token;
using analysis::TokenRole;

void add_body_terms(Xapian::Document& document, const std::string& text, const analysis::Analyzer& analyzer) {
  analyzer.for_each_token(text, analyzer.options().default_language, [&document](const Token& token) {
    if (token.role == TokenRole::Primary) {
      document.add_posting(token.term, token.position);
    } else {
      document.add_term(token.term);
    }
    if (!token.stem.empty()) document.add_term(schema::prefixed(schema::kStemPrefix, token.stem));
  });
}

void add_title_terms(Xapian::Document& document, const std::string& title,
                     const analysis::Analyzer& analyzer) {
  analyzer.for_each_token(title, analyzer.options().default_language, [&document](const Token& token) {
    const std::string term = schema::prefixed(schema::kTitlePrefix, token.term);
    if (token.role == TokenRole::Primary) {
      document.add_posting(term, token.position);
    } else {
      document.add_term(term);
    }
    if (!token.stem.empty()) document.add_term(schema::prefixed(schema::kTitleStemPrefix, token.stem));
  });
}

// Folder and file names, so that `path:` can select a folder or a file.
void add_path_terms(Xapian::Document& document, const std::string& path, const analysis::Analyzer& analyzer) {
  for (const auto& component : std::filesystem::path(path)) {
    const std::string name = analysis::repair_utf8(component.native());
    analyzer.for_each_token(name, "none", [&document](const Token& token) {
      document.add_boolean_term(schema::prefixed(schema::kPathPrefix, token.term));
    });
  }
}

}  // namespace

Xapian::Document build_document(const SourceFile& source, const ExtractedDocument& content,
                                const analysis::Analyzer& analyzer) {
  Xapian::Document document;
  add_body_terms(document, content.text, analyzer);
  add_title_terms(document, content.title, analyzer);
  add_path_terms(document, source.path, analyzer);
  document.add_boolean_term(schema::unique_term(source.path));
  document.add_boolean_term(schema::prefixed(schema::kFormatPrefix, format_name(source.format)));
  document.add_boolean_term(schema::prefixed(schema::kContentPrefix, source.content_digest));

  document.add_value(schema::kMtimeSlot, schema::encode_int64(source.mtime_ns));
  document.add_value(schema::kSizeSlot, schema::encode_int64(static_cast<std::int64_t>(source.size)));
  document.add_value(schema::kDigestSlot, source.content_digest);

  analysis::DocumentRecord record;
  record.path = source.path;
  record.title = content.title;
  record.format = std::string(format_name(source.format));
  record.size = source.size;
  record.mtime_ns = source.mtime_ns;
  record.content_digest = source.content_digest;
  record.text = content.text;
  document.set_data(analysis::encode_record(record));
  return document;
}

}  // namespace dossier::indexer
