#include "dossier/indexer/document_builder.h"

#include <filesystem>

#include "dossier/analysis/digest.h"
#include "dossier/analysis/document_record.h"
#include "dossier/analysis/language.h"
#include "dossier/analysis/path_words.h"
#include "dossier/analysis/schema.h"
#include "dossier/analysis/utf8.h"

namespace dossier::indexer {
namespace {

namespace schema = analysis::schema;
using analysis::Token;

// The term of `token`, at its position unless it has none that matters (`Token::positional`).
void add_word(Xapian::Document& document, const std::string& term, const Token& token) {
  if (token.positional) {
    document.add_posting(term, token.position);
  } else {
    document.add_term(term);
  }
}

void add_title_terms(Xapian::Document& document, const std::string& title, const analysis::Analyzer& analyzer,
                     std::string_view language) {
  analyzer.for_each_token(title, language, [&document](const Token& token) {
    add_word(document, schema::prefixed(schema::kTitlePrefix, token.term), token);
    if (!token.stem.empty()) document.add_term(schema::prefixed(schema::kTitleStemPrefix, token.stem));
  });
}

// Author words with positions, so that `author:"Britt Verregghen"` is a phrase.
void add_author_terms(Xapian::Document& document, const std::string& author,
                      const analysis::Analyzer& analyzer) {
  analyzer.for_each_token(author, "none", [&document](const Token& token) {
    add_word(document, schema::prefixed(schema::kAuthorPrefix, token.term), token);
  });
}

// The language the file declares, else the one its text is written in; "" when neither is known.
std::string language_of(const ExtractedDocument& content) {
  std::string declared = analysis::language_code(content.language);
  if (!declared.empty()) return declared;
  return analysis::detect_language(content.text).value_or("");
}

// Date values for filters and sorting, the language term for filters, and the facet key.
void add_metadata_values(Xapian::Document& document, const ExtractedDocument& content,
                         std::string_view format, const std::string& language) {
  schema::FacetKey key{{}, language, std::string(format)};
  if (content.date) {
    document.add_value(schema::kDateFirstSlot, std::to_string(content.date->first_day()));
    document.add_value(schema::kDateLastSlot, std::to_string(content.date->last_day()));
    key.period = schema::facet_period(*content.date);
  }
  if (!language.empty()) document.add_boolean_term(schema::prefixed(schema::kLanguagePrefix, language));
  document.add_value(schema::kFacetKeySlot, schema::encode_facet_key(key));
}

// The root folder's name and the folder and file names below it, with the words inside them
// (`path_terms`), so that `path:` can select a folder or a file by a word of its name. The
// folders above the root (/home/user/...) say nothing about a document.
void add_path_terms(Xapian::Document& document, const SourceFile& source,
                    const analysis::Analyzer& analyzer) {
  const std::filesystem::path path(source.path);
  const std::filesystem::path root(source.root);
  std::filesystem::path below = path.lexically_relative(root);
  // A file that is itself the root ("."), or not below it: its own name.
  if (below.empty() || *below.begin() == ".." || below == ".") below = path.filename();
  std::vector<std::string> names;
  if (root != path) names.push_back(root.filename().native());
  for (const auto& component : below)
    names.push_back(component.native());
  for (const std::string& name : names) {
    for (const std::string& term : analysis::path_terms(analyzer, analysis::repair_utf8(name)))
      document.add_boolean_term(schema::prefixed(schema::kPathPrefix, term));
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
  built.language = language_of(content);
  // Without a known language, stem as English: most reports are written in it.
  const std::string_view stem_language =
      built.language.empty() ? std::string_view(analyzer_.options().default_language) : built.language;
  Xapian::Document& document = built.document;
  const auto session = tagger_ ? tagger_->start(content.text, stem_language) : nullptr;
  // Parts have positions too (those of their words inside the token), so that a phrase finds
  // the words inside a file name or a domain as well as the whole.
  analyzer_.for_each_token(content.text, stem_language, [&](const Token& token) {
    add_word(document, token.term, token);
    if (!token.stem.empty()) document.add_term(schema::prefixed(schema::kStemPrefix, token.stem));
    if (session) session->feed(token);
  });
  add_title_terms(document, content.title, analyzer_, stem_language);
  add_author_terms(document, content.author, analyzer_);
  add_path_terms(document, source, analyzer_);
  add_metadata_values(document, content, format_name(source.format), built.language);
  document.add_boolean_term(schema::unique_term(source.path));
  document.add_boolean_term(schema::prefixed(schema::kFormatPrefix, format_name(source.format)));
  const std::string root_digest = analysis::digest_hex(source.root);
  document.add_boolean_term(schema::prefixed(schema::kRootPrefix, root_digest));
  document.add_value(schema::kRootSlot, root_digest);
  document.add_value(schema::kPathDigestSlot, analysis::digest_hex(source.path));
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
  record.author = content.author;
  record.date = content.date ? content.date->to_iso() : std::string();
  record.description = content.description;
  record.keywords = content.keywords;
  record.canonical_url = content.canonical_url;
  record.language = built.language;
  record.page_starts.assign(content.page_starts.begin(), content.page_starts.end());
  document.set_data(analysis::encode_record(record));
  return built;
}

}  // namespace dossier::indexer
