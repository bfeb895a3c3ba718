#include "dossier/indexer/html_extractor.h"

#include <libxml/HTMLparser.h>

#include <array>
#include <climits>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/date_text.h"
#include "dossier/indexer/metadata_fields.h"
#include "dossier/indexer/text_extractor.h"
#include "dossier/indexer/text_lines.h"
#include "text_builder.h"
#include "xml_support.h"

namespace dossier::indexer {
namespace {

// No XML_PARSE_HUGE: its depth limit of 256 is what keeps libxml2's end-tag matching (a scan of the
// open elements for each unmatched end tag) from going quadratic on hostile nesting.
constexpr int kHtmlOptions =
    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) noexcept {
  for (std::string_view candidate : names) {
    if (name == candidate) return true;
  }
  return false;
}

// Elements whose content is never text a reader sees as the document's body.
bool is_dropped(std::string_view name) noexcept {
  return is_one_of(name, {"head", "script", "style", "noscript", "template", "svg", "math", "nav", "iframe",
                          "object", "embed", "canvas", "select", "textarea", "button"});
}

// Site chrome, unless it belongs to the article itself.
bool is_boilerplate(std::string_view name) noexcept {
  return is_one_of(name, {"header", "footer", "aside"});
}

bool is_block(std::string_view name) noexcept {
  return is_one_of(
      name,
      {"address", "article", "aside", "blockquote", "body",     "caption",    "center", "dd",     "details",
       "dialog",  "div",     "dl",    "dt",         "fieldset", "figcaption", "figure", "footer", "form",
       "h1",      "h2",      "h3",    "h4",         "h5",       "h6",         "header", "hgroup", "hr",
       "html",    "legend",  "li",    "main",       "ol",       "option",     "p",      "pre",    "section",
       "summary", "table",   "tbody", "tfoot",      "thead",    "tr",         "ul"});
}

bool is_preformatted(std::string_view name) noexcept {
  return is_one_of(name, {"pre", "listing", "xmp"});
}

// Collects the visible body text; `enter`/`leave` are the callbacks of `xml::walk`.
class BodyText {
 public:
  bool enter(const xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content == nullptr) return false;
      const std::string_view text(reinterpret_cast<const char*>(node->content));
      if (preformatted_ > 0) {
        out_.append_verbatim(text);
      } else {
        out_.append_collapsed(text);
      }
      return false;
    }
    if (node->type != XML_ELEMENT_NODE) return false;
    const std::string_view name = xml::name_of(node);
    if (is_dropped(name) || (in_article_ == 0 && is_boilerplate(name))) return false;
    if (name == "br") {
      out_.line_break();
      return false;
    }
    if (name == "img") out_.word_break();
    if (is_block(name)) out_.end_line();
    if (name == "main" || name == "article") ++in_article_;
    if (is_preformatted(name)) ++preformatted_;
    return true;
  }

  void leave(const xmlNode* node) {
    const std::string_view name = xml::name_of(node);
    if (is_block(name)) out_.end_line();
    if (name == "td" || name == "th") out_.word_break();
    if (name == "main" || name == "article") --in_article_;
    if (is_preformatted(name)) --preformatted_;
  }

  std::string take() { return out_.take(); }

 private:
  TextBuilder out_;
  int in_article_ = 0;    // depth of main/article elements around the current node
  int preformatted_ = 0;  // depth of pre elements around the current node
};

std::string lower_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// What the document's elements declare about it, before choosing among synonyms.
struct HeadFacts {
  std::string title;
  std::string first_h1;
  std::string language;
  std::string canonical;
  std::vector<std::pair<std::string, std::string>> metas;  // lower-case name/property -> content

  void visit(const xmlNode* node) {
    const std::string_view name = xml::name_of(node);
    if (name == "html" && language.empty()) {
      language = xml::attribute(node, "lang");
      if (language.empty()) language = xml::attribute(node, "xml:lang");
    } else if (name == "title" && trim(title).empty()) {
      title = xml::subtree_text(node);
    } else if (name == "h1" && trim(first_h1).empty()) {
      first_h1 = xml::subtree_text(node);
    } else if (name == "meta") {
      std::string key;
      for (const char* attribute : {"name", "property", "itemprop", "http-equiv"}) {
        if (key.empty()) key = lower_ascii(xml::attribute(node, attribute));
      }
      std::string content = xml::attribute(node, "content");
      if (!key.empty() && !trim(content).empty()) metas.emplace_back(std::move(key), std::move(content));
    } else if (name == "link" && canonical.empty()) {
      const std::string rel = " " + lower_ascii(xml::attribute(node, "rel")) + " ";
      if (rel.find(" canonical ") != std::string::npos) canonical = xml::attribute(node, "href");
    }
  }

  // The first non-empty content among `keys`, in the order of `keys`.
  std::string first_meta(std::initializer_list<std::string_view> keys) const {
    for (std::string_view key : keys) {
      for (const auto& [name, content] : metas) {
        if (name == key) return content;
      }
    }
    return {};
  }
};

HeadFacts read_head_facts(const xmlNode* root) {
  HeadFacts facts;
  xml::walk(
      root,
      [&facts](const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        facts.visit(node);
        // An <svg> has <title>s of its own; <title> and <h1> have been read whole.
        return !is_one_of(xml::name_of(node), {"svg", "math", "title", "h1", "script", "style"});
      },
      [](const xmlNode*) {});
  return facts;
}

std::string html_author(const HeadFacts& facts) {
  for (std::string_view key :
       {"author", "article:author", "dc.creator", "dcterms.creator", "citation_author"}) {
    for (const auto& [name, content] : facts.metas) {
      // article:author is often a profile URL, which is not a name.
      if (name == key && !trim(content).starts_with("http")) return content;
    }
  }
  return {};
}

std::optional<analysis::DocumentDate> html_date(const HeadFacts& facts) {
  for (std::string_view key :
       {"article:published_time", "og:article:published_time", "og:published_time", "datepublished", "date",
        "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "pubdate",
        "publish-date", "publish_date", "citation_publication_date", "citation_date"}) {
    for (const auto& [name, content] : facts.metas) {
      if (name != key) continue;
      if (auto date = parse_date_value(content)) return date;
    }
  }
  return std::nullopt;
}

// U+0080..U+009F as windows-1252 reads the same byte values (0 where windows-1252 has a hole).
constexpr std::array<char32_t, 32> kWindows1252Controls{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// HTML reads "ISO-8859-1" and "&#150;" as windows-1252 (WHATWG Encoding and HTML standards), but
// libxml2 gives C1 control characters for them: map those back to what the author meant.
std::string map_c1_controls(std::string text) {
  if (text.find('\xC2') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    const char32_t mapped =
        (text[i] == '\xC2' && next >= 0x80 && next <= 0x9F) ? kWindows1252Controls[next - 0x80] : 0;
    if (mapped == 0) {
      out.push_back(text[i]);
      continue;
    }
    // Every mapped code point is in U+0100..U+FFFF: two or three UTF-8 bytes.
    if (mapped < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (mapped >> 6)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (mapped >> 12)));
      out.push_back(static_cast<char>(0x80 | ((mapped >> 6) & 0x3F)));
    }
    out.push_back(static_cast<char>(0x80 | (mapped & 0x3F)));
    ++i;
  }
  return out;
}

// A metadata string as one line of what the author meant (see map_c1_controls).
std::string field(const std::string& text, std::size_t max_bytes = 4096) {
  return one_line(map_c1_controls(text), max_bytes);
}

void fill_metadata(const HeadFacts& facts, ExtractedDocument& document) {
  document.title = field(facts.title, kMaxTitleBytes);
  if (document.title.empty()) document.title = field(facts.first_h1, kMaxTitleBytes);
  if (document.title.empty()) document.title = text_title(document.text);
  document.author = field(html_author(facts));
  document.date = html_date(facts);
  document.description =
      field(facts.first_meta({"description", "og:description", "dc.description", "twitter:description"}));
  document.keywords = split_keywords(map_c1_controls(facts.first_meta({"keywords", "news_keywords"})));
  for (const auto& [name, content] : facts.metas) {
    if (name == "article:tag") document.keywords.push_back(field(content));
  }
  document.canonical_url = field(facts.canonical.empty() ? facts.first_meta({"og:url"}) : facts.canonical);
  document.language = language_code(facts.language);
  if (document.language.empty()) {
    document.language = language_code(facts.first_meta({"content-language", "dc.language", "og:locale"}));
  }
}

}  // namespace

ExtractedDocument extract_html(std::string_view bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    throw ExtractionError("HTML file too large (over 2 GiB)");
  ExtractedDocument document;
  if (trim(bytes).empty()) return document;
  const xml::ErrorSilencer silence;
  const xml::DocPtr tree(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, kHtmlOptions));
  const xmlNode* root = tree ? xmlDocGetRootElement(tree.get()) : nullptr;
  if (root == nullptr) throw ExtractionError("unreadable HTML");
  BodyText body;
  xml::walk(
      root, [&body](const xmlNode* node) { return body.enter(node); },
      [&body](const xmlNode* node) { body.leave(node); });
  document.text = map_c1_controls(analysis::repair_utf8(body.take()));
  fill_metadata(read_head_facts(root), document);
  return document;
}

}  // namespace dossier::indexer
