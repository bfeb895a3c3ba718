/// \file
/// libxml2 helpers shared by the HTML, DOCX and ODT extractors (private to the indexer): owning
/// handles, silenced error output, attribute access and an iterative tree walk.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace dossier::indexer::xml {

struct DocFree {
  void operator()(xmlDoc* document) const noexcept { xmlFreeDoc(document); }
};
/// An owned libxml2 document.
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

/// While alive, libxml2 reports nothing on stderr: its generic and structured error handlers
/// (per-thread state in libxml2) are no-ops. The previous handlers come back on destruction, so a
/// host program's own handlers survive. Parser contexts still need the NOERROR/NOWARNING options.
class ErrorSilencer {
 public:
  ErrorSilencer() noexcept;
  ~ErrorSilencer();
  ErrorSilencer(const ErrorSilencer&) = delete;
  ErrorSilencer& operator=(const ErrorSilencer&) = delete;

 private:
  xmlGenericErrorFunc generic_;
  void* generic_context_;
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
};

/// Parses an XML document (a DOCX or ODT part) without network access, DTD loading or entity
/// expansion, recovering what it can from malformed input. libxml2's default limits apply (depth
/// 256, text nodes of 10 MB), which bounds what hostile input can cost. Returns null when nothing
/// could be parsed. Call with an `ErrorSilencer` alive.
DocPtr parse_xml(std::string_view bytes);

/// The element's local name ("p" for "w:p"); empty for nodes without a name.
std::string_view name_of(const xmlNode* node) noexcept;

/// True when `node` is an element named `local_name` in the namespace `href`.
bool is_element(const xmlNode* node, std::string_view href, std::string_view local_name) noexcept;

/// The value of attribute `name` (without namespace in HTML; `href` selects a namespace in XML), or
/// empty when absent.
std::string attribute(const xmlNode* node, const char* name, const char* href = nullptr);

/// The text of `node` and its descendants, concatenated in document order; no recursion.
std::string subtree_text(const xmlNode* node);

/// Walks the subtree of `root` depth-first without recursion (so any depth is safe), using the
/// tree's parent links. `enter(node)` is called for each node and returns whether to go into its
/// children (only elements and documents have children walked); `leave(node)` is called after the
/// children of each node for which `enter` returned true.
template <typename Enter, typename Leave>
void walk(const xmlNode* root, Enter&& enter, Leave&& leave) {
  const auto walkable = [](const xmlNode* node) {
    return node->children != nullptr && (node->type == XML_ELEMENT_NODE || node->type == XML_DOCUMENT_NODE ||
                                         node->type == XML_HTML_DOCUMENT_NODE);
  };
  const xmlNode* node = root;
  while (node != nullptr) {
    const bool entered = enter(node);
    if (entered && walkable(node)) {
      node = node->children;
      continue;
    }
    if (entered) leave(node);
    while (node != root && node->next == nullptr) {
      node = node->parent;
      leave(node);
    }
    if (node == root) return;
    node = node->next;
  }
}

}  // namespace dossier::indexer::xml
