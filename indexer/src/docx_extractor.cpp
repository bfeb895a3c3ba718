#include "dossier/indexer/docx_extractor.h"

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/date_text.h"
#include "dossier/indexer/metadata_fields.h"
#include "dossier/indexer/text_extractor.h"
#include "text_builder.h"
#include "xml_support.h"
#include "zip_archive.h"

namespace dossier::indexer {
namespace {

constexpr std::string_view kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordStrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kCompatibilityNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kDcTermsNs = "http://purl.org/dc/terms/";
constexpr std::string_view kCorePropertiesNs =
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";

// Encrypted Office files and Word 97-2003 files are OLE compound files, not zip archives.
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

bool is_word(const xmlNode* node, std::string_view local_name) noexcept {
  return xml::is_element(node, kWordNs, local_name) || xml::is_element(node, kWordStrictNs, local_name);
}

// Adds the text of one WordprocessingML part (document, footnotes, endnotes) to `out`.
void append_part_text(const xmlNode* root, TextBuilder& out) {
  xml::walk(
      root,
      [&out](const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;  // text outside w:t is markup white space
        if (is_word(node, "t")) {
          out.append_verbatim(xml::subtree_text(node));
        } else if (is_word(node, "tab")) {
          out.append_verbatim("\t");
        } else if (is_word(node, "br") || is_word(node, "cr")) {
          out.line_break();
        } else if (is_word(node, "noBreakHyphen")) {
          out.append_verbatim("-");
        } else if (is_word(node, "pPr") || is_word(node, "rPr") || is_word(node, "delText") ||
                   is_word(node, "instrText") || xml::is_element(node, kCompatibilityNs, "Fallback")) {
          // Properties hold tab stops (w:tab too), not text; a Fallback repeats its Choice.
        } else {
          if (is_word(node, "p")) out.end_line();
          return true;
        }
        return false;
      },
      [&out](const xmlNode* node) {
        if (is_word(node, "p")) out.end_line();
      });
}

void read_core_properties(const xmlNode* root, ExtractedDocument& document) {
  std::string subject;
  xml::walk(
      root,
      [&](const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        if (xml::is_element(node, kDcNs, "title")) {
          document.title = one_line(xml::subtree_text(node), kMaxTitleBytes);
        } else if (xml::is_element(node, kDcNs, "creator")) {
          document.author = one_line(xml::subtree_text(node));
        } else if (xml::is_element(node, kDcNs, "description")) {
          document.description = one_line(xml::subtree_text(node));
        } else if (xml::is_element(node, kDcNs, "subject")) {
          subject = one_line(xml::subtree_text(node));
        } else if (xml::is_element(node, kCorePropertiesNs, "keywords")) {
          document.keywords = split_keywords(xml::subtree_text(node), ",;");
        } else if (xml::is_element(node, kDcTermsNs, "created")) {
          document.date = parse_date_value(xml::subtree_text(node));
        } else if (xml::is_element(node, kDcNs, "language")) {
          document.language = language_code(xml::subtree_text(node));
        } else {
          return true;
        }
        return false;
      },
      [](const xmlNode*) {});
  if (document.description.empty()) document.description = std::move(subject);
}

// The main document part as the package relationships name it ("word/document2.xml" from some
// writers), falling back to the usual word/document.xml. Empty when neither exists.
std::optional<std::string> read_main_part(ZipArchive& archive) {
  const std::optional<std::string> relationships = archive.read("_rels/.rels");
  const xml::DocPtr tree = relationships ? xml::parse_xml(*relationships) : nullptr;
  std::string target;
  xml::walk(
      tree ? xmlDocGetRootElement(tree.get()) : nullptr,
      [&target](const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        if (target.empty() && xml::name_of(node) == "Relationship" &&
            xml::attribute(node, "Type").ends_with("/officeDocument")) {
          target = xml::attribute(node, "Target");
        }
        return true;
      },
      [](const xmlNode*) {});
  while (target.starts_with('/'))
    target.erase(0, 1);
  if (!target.empty() && target != "word/document.xml") {
    if (std::optional<std::string> part = archive.read(target)) return part;
  }
  return archive.read("word/document.xml");
}

}  // namespace

ExtractedDocument extract_docx(std::string_view bytes) {
  std::optional<ZipArchive> archive = ZipArchive::open(bytes);
  if (!archive) {
    throw ExtractionError(bytes.starts_with(kOleMagic) ? "not a DOCX file (encrypted, or an old .doc file)"
                                                       : "not a DOCX file (not a zip archive)");
  }
  const xml::ErrorSilencer silence;
  const std::optional<std::string> body = read_main_part(*archive);
  if (!body) throw ExtractionError("not a DOCX file (no word/document.xml)");
  const xml::DocPtr tree = xml::parse_xml(*body);
  if (!tree || xmlDocGetRootElement(tree.get()) == nullptr) {
    throw ExtractionError("damaged DOCX (unreadable word/document.xml)");
  }
  TextBuilder text;
  append_part_text(xmlDocGetRootElement(tree.get()), text);
  for (const char* notes : {"word/footnotes.xml", "word/endnotes.xml"}) {
    const std::optional<std::string> part = archive->read(notes);
    const xml::DocPtr notes_tree = part ? xml::parse_xml(*part) : nullptr;
    if (notes_tree && xmlDocGetRootElement(notes_tree.get()) != nullptr) {
      append_part_text(xmlDocGetRootElement(notes_tree.get()), text);
    }
  }
  ExtractedDocument document;
  document.text = analysis::repair_utf8(text.take());
  if (const std::optional<std::string> core = archive->read("docProps/core.xml")) {
    const xml::DocPtr core_tree = xml::parse_xml(*core);
    if (core_tree) read_core_properties(xmlDocGetRootElement(core_tree.get()), document);
  }
  if (document.title.empty()) document.title = text_title(document.text);
  return document;
}

}  // namespace dossier::indexer
