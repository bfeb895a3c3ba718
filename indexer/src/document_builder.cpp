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

std::vector<analysis::RecordedEntity> recorded(const std::vector<analysis::EntityMentions>& entities) {
  std::vector<analysis::RecordedEntity> out;
  for (const auto& entity : entities) {
    out.push_back({entity.id, entity.mentions, {entity.surfaces.begin(), entity.surfaces.end()}});
  }
  return out;
}

// Filter terms and the facet value slot for one kind of entity.
void add_entities(Xapian::Document& document, const std::vector<analysis::EntityMentions>& entities,
                  std::string_view prefix, unsigned slot) {
  std::vector<std::string> ids;
  for (const auto& entity : entities) {
    document.add_boolean_term(schema::prefixed(prefix, entity.id));
    ids.push_back(entity.id);
  }
  if (!ids.empty()) document.add_value(slot, schema::encode_set(std::move(ids)));
}

}  // namespace

DocumentBuilder::DocumentBuilder(const analysis::Analyzer& analyzer, const analysis::EntityTagger* tagger)
    : analyzer_(analyzer), tagger_(tagger) {}

BuiltDocument DocumentBuilder::build(const SourceFile& source, const ExtractedDocument& content) const {
  BuiltDocument built;
  Xapian::Document& document = built.document;
  const auto session = tagger_ ? tagger_->start(content.text) : nullptr;
  analyzer_.for_each_token(content.text, analyzer_.options().default_language, [&](const Token& token) {
    if (token.role == TokenRole::Primary) {
      document.add_posting(token.term, token.position);
    } else {
      document.add_term(token.term);
    }
    if (!token.stem.empty()) document.add_term(schema::prefixed(schema::kStemPrefix, token.stem));
    if (session) session->feed(token);
  });
  add_title_terms(document, content.title, analyzer_);
  add_path_terms(document, source.path, analyzer_);
  document.add_boolean_term(schema::unique_term(source.path));
  document.add_boolean_term(schema::prefixed(schema::kFormatPrefix, format_name(source.format)));
  document.add_boolean_term(schema::prefixed(schema::kContentPrefix, source.content_digest));
  document.add_value(schema::kMtimeSlot, schema::encode_int64(source.mtime_ns));
  document.add_value(schema::kSizeSlot, schema::encode_int64(static_cast<std::int64_t>(source.size)));
  document.add_value(schema::kDigestSlot, source.content_digest);

  analysis::DocumentRecord record;
  if (session) {
    analysis::DocumentEntities entities = session->finish();
    add_entities(document, entities.countries, schema::kCountryPrefix, schema::kCountriesSlot);
    add_entities(document, entities.actors, schema::kActorPrefix, schema::kActorsSlot);
    record.countries = recorded(entities.countries);
    record.actors = recorded(entities.actors);
    built.defined_actors = std::move(entities.defined_actors);
  }
  record.path = source.path;
  record.title = content.title;
  record.format = std::string(format_name(source.format));
  record.size = source.size;
  record.mtime_ns = source.mtime_ns;
  record.content_digest = source.content_digest;
  record.text = content.text;
  document.set_data(analysis::encode_record(record));
  return built;
}

}  // namespace dossier::indexer
