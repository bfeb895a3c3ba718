#include "dossier/indexer/odt_extractor.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/date_text.h"
#include "dossier/indexer/metadata_fields.h"
#include "dossier/indexer/text_extractor.h"
#include "text_builder.h"
#include "xml_support.h"
#include "zip_archive.h"

namespace dossier::indexer {
namespace {

constexpr const char* kTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kOfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view kMetaNs = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";

// text:c is a count of spaces from the file: a hostile "2000000000" must not allocate gigabytes.
constexpr int kMaxSpaces = 100;

bool is_text(const xmlNode* node, std::string_view local_name) noexcept {
  return xml::is_element(node, kTextNs, local_name);
}

int space_count(const xmlNode* node) {
  const std::string count = xml::attribute(node, "c", kTextNs);
  int value = 1;
  std::from_chars(count.data(), count.data() + count.size(), value);
  return std::clamp(value, 1, kMaxSpaces);
}

// The text of content.xml: only text inside paragraphs and headings counts (ODF 1.2, 6.1.2).
class ContentText {
 public:
  bool enter(const xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (in_paragraph_ > 0 && node->content != nullptr) {
        out_.append_collapsed(reinterpret_cast<const char*>(node->content));
      }
      return false;
    }
    if (node->type != XML_ELEMENT_NODE) return false;
    if (is_text(node, "p") || is_text(node, "h")) {
      out_.end_line();
      ++in_paragraph_;
      return true;
    }
    if (is_text(node, "s")) {
      out_.append_verbatim(std::string(static_cast<std::size_t>(space_count(node)), ' '));
    } else if (is_text(node, "tab")) {
      out_.append_verbatim("\t");
    } else if (is_text(node, "line-break")) {
      out_.line_break();
    } else if (!is_text(node, "tracked-changes") && !is_text(node, "note-citation") &&
               !xml::is_element(node, kOfficeNs, "annotation")) {
      return true;
    }
    return false;
  }

  void leave(const xmlNode* node) {
    if (is_text(node, "p") || is_text(node, "h")) {
      --in_paragraph_;
      out_.end_line();
    }
  }

  std::string take() { return out_.take(); }

 private:
  TextBuilder out_;
  int in_paragraph_ = 0;
};

// meta.xml's fields, collected before choosing between synonyms.
struct MetaFields {
  std::string title, initial_creator, creator, creation_date, date, description, subject, language;
  std::vector<std::string> keywords;

  bool visit(const xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE) return false;
    const auto text = [node] { return xml::subtree_text(node); };
    if (xml::is_element(node, kDcNs, "title")) {
      title = text();
    } else if (xml::is_element(node, kMetaNs, "initial-creator")) {
      initial_creator = text();
    } else if (xml::is_element(node, kDcNs, "creator")) {
      creator = text();
    } else if (xml::is_element(node, kMetaNs, "creation-date")) {
      creation_date = text();
    } else if (xml::is_element(node, kDcNs, "date")) {
      date = text();
    } else if (xml::is_element(node, kMetaNs, "keyword")) {
      for (std::string& keyword : split_keywords(text()))
        keywords.push_back(std::move(keyword));
    } else if (xml::is_element(node, kDcNs, "description")) {
      description = text();
    } else if (xml::is_element(node, kDcNs, "subject")) {
      subject = text();
    } else if (xml::is_element(node, kDcNs, "language")) {
      language = text();
    } else {
      return true;
    }
    return false;
  }
};

void read_meta(const xmlNode* root, ExtractedDocument& document) {
  MetaFields fields;
  xml::walk(
      root, [&fields](const xmlNode* node) { return fields.visit(node); }, [](const xmlNode*) {});
  document.title = one_line(fields.title, kMaxTitleBytes);
  document.author = one_line(fields.initial_creator.empty() ? fields.creator : fields.initial_creator);
  document.date = parse_date_value(fields.creation_date);
  if (!document.date) document.date = parse_date_value(fields.date);
  document.keywords = std::move(fields.keywords);
  document.description = one_line(fields.description.empty() ? fields.subject : fields.description);
  document.language = language_code(fields.language);
}

}  // namespace

ExtractedDocument extract_odt(std::string_view bytes) {
  std::optional<ZipArchive> archive = ZipArchive::open(bytes);
  if (!archive) throw ExtractionError("not an ODT file (not a zip archive)");
  const std::optional<std::string> content = archive->read("content.xml");
  if (!content) throw ExtractionError("not an ODT file (no content.xml)");
  const xml::ErrorSilencer silence;
  const xml::DocPtr tree = xml::parse_xml(*content);
  if (!tree || xmlDocGetRootElement(tree.get()) == nullptr) {
    throw ExtractionError("damaged ODT (unreadable content.xml)");
  }
  ContentText text;
  xml::walk(
      xmlDocGetRootElement(tree.get()), [&text](const xmlNode* node) { return text.enter(node); },
      [&text](const xmlNode* node) { text.leave(node); });
  ExtractedDocument document;
  document.text = analysis::repair_utf8(text.take());
  if (const std::optional<std::string> meta = archive->read("meta.xml")) {
    const xml::DocPtr meta_tree = xml::parse_xml(*meta);
    if (meta_tree) read_meta(xmlDocGetRootElement(meta_tree.get()), document);
  }
  if (document.title.empty()) document.title = text_title(document.text);
  return document;
}

}  // namespace dossier::indexer
