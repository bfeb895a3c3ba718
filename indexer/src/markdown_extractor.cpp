#include "dossier/indexer/markdown_extractor.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "dossier/analysis/utf8.h"
#include "dossier/indexer/front_matter.h"
#include "dossier/indexer/text_extractor.h"
#include "dossier/indexer/text_lines.h"

namespace dossier::indexer {
namespace {

bool is_fence(std::string_view line) noexcept {
  const std::string_view t = trim(line);
  return t.starts_with("```") || t.starts_with("~~~");
}

// "---", "***", "___" (three or more of one character, spaces allowed).
bool is_thematic_break(std::string_view line) noexcept {
  const std::string_view t = trim(line);
  if (t.size() < 3 || (t[0] != '-' && t[0] != '*' && t[0] != '_')) return false;
  std::size_t count = 0;
  for (char c : t) {
    if (c == t[0]) {
      ++count;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return count >= 3;
}

bool is_setext_underline(std::string_view line) noexcept {
  const std::string_view t = trim(line);
  return !t.empty() && (t.find_first_not_of('=') == std::string_view::npos ||
                        t.find_first_not_of('-') == std::string_view::npos);
}

// "[ref]: https://..." lines define link targets; they are not text.
bool is_link_definition(std::string_view line) noexcept {
  const std::string_view t = trim(line);
  const std::size_t close = t.find("]:");
  return t.starts_with('[') && close != std::string_view::npos && close > 1;
}

// Heading text of an ATX heading ("## Title ##"), or nullopt.
std::optional<std::string_view> atx_heading(std::string_view line) noexcept {
  const std::string_view t = trim(line);
  std::size_t level = 0;
  while (level < t.size() && t[level] == '#')
    ++level;
  if (level == 0 || level > 6 || (level < t.size() && t[level] != ' ' && t[level] != '\t'))
    return std::nullopt;
  std::string_view text = trim(t.substr(level));
  while (!text.empty() && text.back() == '#')
    text.remove_suffix(1);
  return trim(text);
}

// Removes block markers: quote ">" and list bullets. An ordered list's number stays: a reader sees
// it too, and a line such as "6. februar 2024" (how Norwegian, German and Danish write a date) is
// an ordered list item to Markdown, whose day would otherwise be lost.
std::string_view strip_block_markers(std::string_view line) noexcept {
  std::string_view t = line.substr(std::min(line.find_first_not_of(" \t"), line.size()));
  while (t.starts_with('>'))
    t = trim(t.substr(1));
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t')) {
    return trim(t.substr(2));
  }
  return t;
}

struct FrontMatterBlock {
  FrontMatter fields;
  std::size_t body_line = 0;  // the first line after the closing "---"
};

// The YAML front matter at the start of `lines`: an opening "---" line and a closing "---" or "..."
// line. Without a closing line there is no front matter.
std::optional<FrontMatterBlock> read_front_matter(const std::vector<std::string_view>& lines) {
  if (lines.empty() || trim(lines[0]) != "---") return std::nullopt;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view t = trim(lines[i]);
    if (t != "---" && t != "...") continue;
    // The lines are views into one string, so the block between the fences is one view too.
    const char* begin = lines[1].data();
    const std::string_view yaml(begin, static_cast<std::size_t>(lines[i].data() - begin));
    return FrontMatterBlock{parse_front_matter(yaml), i + 1};
  }
  return std::nullopt;
}

// Copies the front matter fields into the document; the title is handled by the caller.
void apply_front_matter(const FrontMatter& front, ExtractedDocument& document) {
  for (const std::string& author : front.authors) {
    if (!document.author.empty()) document.author.append(", ");
    document.author.append(author);
  }
  document.date = front.date;
  document.keywords = front.keywords;
  document.description = front.description;
  document.language = front.language;
}

// Inline code: the text between backtick runs, verbatim. Returns the index of the last byte used.
std::size_t copy_code_span(std::string_view line, std::size_t i, std::string& out) {
  std::size_t ticks = 0;
  while (i + ticks < line.size() && line[i + ticks] == '`')
    ++ticks;
  const std::string fence(ticks, '`');
  const std::size_t close = line.find(fence, i + ticks);
  if (close == std::string_view::npos) return i + ticks - 1;  // a stray backtick
  out.append(line.substr(i + ticks, close - i - ticks));
  return close + ticks - 1;
}

// "[text](target)", "[text][ref]", "![alt](src)": the visible text stays, the target goes. A bracket
// that does not open a link ("cdn[.]example[.]org", "[sic]") is text.
std::size_t copy_link(std::string_view line, std::size_t open, std::string& out) {
  int depth = 0;
  std::size_t close = open;
  for (; close < line.size(); ++close) {
    if (line[close] == '[') ++depth;
    if (line[close] == ']' && --depth == 0) break;
  }
  if (close + 1 >= line.size() || (line[close + 1] != '(' && line[close + 1] != '[')) {
    out.push_back(line[open]);
    return open;
  }
  const char end_char = line[close + 1] == '(' ? ')' : ']';
  const std::size_t target_end = line.find(end_char, close + 2);
  if (target_end == std::string_view::npos) {
    out.push_back(line[open]);
    return open;
  }
  out.append(strip_inline_markdown(line.substr(open + 1, close - open - 1)));
  return target_end;
}

// HTML comments and tags are dropped; an autolink "<https://...>" keeps its URL.
std::size_t skip_tag(std::string_view line, std::size_t i, std::string& out) {
  if (line.substr(i).starts_with("<!--")) {
    const std::size_t end = line.find("-->", i + 4);
    return end == std::string_view::npos ? line.size() - 1 : end + 2;
  }
  const std::size_t end = line.find('>', i + 1);
  const std::string_view inner =
      end == std::string_view::npos ? std::string_view{} : line.substr(i + 1, end - i - 1);
  if (inner.starts_with("http://") || inner.starts_with("https://") || inner.starts_with("mailto:")) {
    out.append(inner);
    return end;
  }
  if (!inner.empty() && inner.find(' ') != 0 &&
      (std::isalpha(static_cast<unsigned char>(inner[0])) || inner[0] == '/')) {
    return end;
  }
  out.push_back('<');
  return i;
}

// A table delimiter row: "|---|:--:|" (pipes, dashes, colons and spaces, with a dash and a pipe).
bool is_table_delimiter(std::string_view line) noexcept {
  const std::string_view t = trim(line);
  return t.find('|') != std::string_view::npos && t.find('-') != std::string_view::npos &&
         t.find_first_not_of("|-: \t") == std::string_view::npos;
}

// Table cells are separated by spaces instead of pipes.
std::string table_row_text(std::string_view line) {
  std::string row(trim(line));
  for (char& c : row) {
    if (c == '|') c = ' ';
  }
  return row;
}

}  // namespace

std::string strip_inline_markdown(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size() && std::ispunct(static_cast<unsigned char>(line[i + 1]))) {
      out.push_back(line[++i]);
    } else if (c == '`') {
      i = copy_code_span(line, i, out);
    } else if (c == '[' || (c == '!' && i + 1 < line.size() && line[i + 1] == '[')) {
      i = copy_link(line, c == '!' ? i + 1 : i, out);
    } else if (c == '<') {
      i = skip_tag(line, i, out);
    } else if (c == '*' || c == '~') {
      continue;
    } else if (c == '_' &&
               (i == 0 || i + 1 == line.size() || !std::isalnum(static_cast<unsigned char>(line[i - 1])) ||
                !std::isalnum(static_cast<unsigned char>(line[i + 1])))) {
      continue;  // emphasis underscore; snake_case inside a word stays
    } else {
      out.push_back(c);
    }
  }
  return out;
}

ExtractedDocument extract_markdown(std::string_view bytes) {
  const std::string source = decode_text_file(bytes);
  std::vector<std::string_view> lines;
  for (std::string_view line : TextLines(source))
    lines.push_back(line);
  ExtractedDocument document;
  std::size_t i = 0;
  std::string title;
  if (const auto front = read_front_matter(lines)) {
    i = front->body_line;
    title = front->fields.title;
    apply_front_matter(front->fields, document);
  }
  bool in_fence = false;
  for (; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (is_fence(line)) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) {
      document.text.append(line).push_back('\n');
      continue;
    }
    if (is_link_definition(line) || is_table_delimiter(line)) continue;
    std::string text;
    if (const auto heading = atx_heading(line)) {
      text = strip_inline_markdown(*heading);
    } else if (i + 1 < lines.size() && !trim(line).empty() && is_setext_underline(lines[i + 1]) &&
               !is_thematic_break(line)) {
      text = strip_inline_markdown(trim(line));
      ++i;  // the underline
    } else if (is_thematic_break(line)) {
      continue;
    } else if (trim(line).starts_with('|')) {
      document.text.append(strip_inline_markdown(table_row_text(line))).push_back('\n');
      continue;
    } else {
      document.text.append(strip_inline_markdown(strip_block_markers(line))).push_back('\n');
      continue;
    }
    if (title.empty()) title = std::string(trim(text));
    document.text.append(text).push_back('\n');
  }
  document.title = title.empty() ? text_title(document.text)
                                 : std::string(analysis::utf8_prefix(trim(title), kMaxTitleBytes));
  return document;
}

}  // namespace dossier::indexer
