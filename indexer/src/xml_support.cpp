#include "xml_support.h"

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>

namespace dossier::indexer::xml {
namespace {

void ignore_generic_error(void*, const char*, ...) {}
void ignore_structured_error(void*, xmlErrorPtr) {}

struct XmlCharFree {
  void operator()(xmlChar* text) const noexcept { xmlFree(text); }
};
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharFree>;

// No network, no DTD, no entity substitution (XXE and entity bombs need them); RECOVER keeps the
// readable part of a damaged file; no HUGE, so libxml2's depth and size limits stay on.
constexpr int kXmlOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

}  // namespace

ErrorSilencer::ErrorSilencer() noexcept
    : generic_(xmlGenericError),
      generic_context_(xmlGenericErrorContext),
      structured_(xmlStructuredError),
      structured_context_(xmlStructuredErrorContext) {
  xmlInitParser();
  xmlSetGenericErrorFunc(nullptr, ignore_generic_error);
  xmlSetStructuredErrorFunc(nullptr, ignore_structured_error);
}

ErrorSilencer::~ErrorSilencer() {
  xmlSetGenericErrorFunc(generic_context_, generic_);
  xmlSetStructuredErrorFunc(structured_context_, structured_);
}

DocPtr parse_xml(std::string_view bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
  return DocPtr(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, kXmlOptions));
}

std::string_view name_of(const xmlNode* node) noexcept {
  if (node == nullptr || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);
}

bool is_element(const xmlNode* node, std::string_view href, std::string_view local_name) noexcept {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || name_of(node) != local_name) return false;
  if (node->ns == nullptr || node->ns->href == nullptr) return href.empty();
  return reinterpret_cast<const char*>(node->ns->href) == href;
}

std::string attribute(const xmlNode* node, const char* name, const char* href) {
  const auto* attribute_name = reinterpret_cast<const xmlChar*>(name);
  // libxml2 takes a non-const node but does not change it.
  auto* mutable_node = const_cast<xmlNode*>(node);
  const XmlCharPtr value(
      href == nullptr ? xmlGetProp(mutable_node, attribute_name)
                      : xmlGetNsProp(mutable_node, attribute_name, reinterpret_cast<const xmlChar*>(href)));
  if (!value) return {};
  return reinterpret_cast<const char*>(value.get());
}

std::string subtree_text(const xmlNode* node) {
  std::string text;
  walk(
      node,
      [&text](const xmlNode* n) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != nullptr) {
          text.append(reinterpret_cast<const char*>(n->content));
        }
        return n->type == XML_ELEMENT_NODE;
      },
      [](const xmlNode*) {});
  return text;
}

}  // namespace dossier::indexer::xml
