#include "dossier/indexer/front_matter.h"

#include "dossier/indexer/date_text.h"
#include "dossier/indexer/metadata_fields.h"
#include "dossier/indexer/text_lines.h"

namespace dossier::indexer {
namespace {

// One top-level value: a scalar, or a list when written as one.
struct YamlValue {
  std::string scalar;
  std::vector<std::string> items;
  bool is_list = false;

  // The value as a list: the items, or the scalar split on `separators` (nothing splits when empty).
  std::vector<std::string> as_list(std::string_view separators) const {
    if (is_list) return items;
    if (separators.empty())
      return scalar.empty() ? std::vector<std::string>{} : std::vector{one_line(scalar)};
    return split_keywords(scalar, separators);
  }
};

bool is_indented(std::string_view line) noexcept {
  return line.starts_with(' ') || line.starts_with('\t');
}

// Removes YAML quotes: "..." (with \" and \\ escapes) or '...' (with '' for a quote). A plain
// scalar loses a trailing " # comment".
std::string unquote(std::string_view value) {
  value = trim(value);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
      if (value[i] == '\\' && i + 2 < value.size()) ++i;
      out.push_back(value[i]);
    }
    return out;
  }
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    std::string out;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
      out.push_back(value[i]);
      if (value[i] == '\'' && value[i + 1] == '\'') ++i;
    }
    return out;
  }
  const std::size_t comment = value.find(" #");
  return std::string(trim(value.substr(0, comment)));
}

// "[a, 'b, c', d]" -> a / b, c / d: commas inside quotes do not split.
std::vector<std::string> flow_list(std::string_view value) {
  std::vector<std::string> items;
  value = trim(value.substr(1, value.size() - 2));
  char quote = '\0';
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    const char c = i < value.size() ? value[i] : ',';
    if (quote != '\0') {
      if (c == quote) quote = '\0';
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == ',') {
      std::string item = one_line(unquote(value.substr(start, i - start)));
      if (!item.empty()) items.push_back(std::move(item));
      start = i + 1;
    }
  }
  return items;
}

struct ReadValue {
  YamlValue value;
  std::size_t next_line = 0;  // the next top-level line
};

// Reads the value of the key on `lines[i]` (`inline_value` is what follows the colon) and the
// more-indented lines after it.
ReadValue read_value(const std::vector<std::string_view>& lines, std::size_t i,
                     std::string_view inline_value) {
  YamlValue value;
  const std::string_view first = trim(inline_value);
  const bool block_scalar = first.starts_with('|') || first.starts_with('>');
  if (first.starts_with('[') && first.ends_with(']')) {
    value.is_list = true;
    value.items = flow_list(first);
  } else if (!block_scalar) {
    value.scalar = unquote(first);
  }
  std::size_t next = i + 1;
  for (; next < lines.size() && (is_indented(lines[next]) || trim(lines[next]).empty()); ++next) {
    const std::string_view line = trim(lines[next]);
    if (line.empty()) continue;
    if (first.empty() && (line.starts_with("- ") || line == "-")) {
      value.is_list = true;
      std::string item = one_line(unquote(line.substr(1)));
      if (!item.empty()) value.items.push_back(std::move(item));
    } else if (!value.is_list) {
      if (!value.scalar.empty()) value.scalar.push_back(' ');
      value.scalar.append(block_scalar ? std::string(line) : unquote(line));
    }
  }
  return {std::move(value), next};
}

void apply(std::string_view key, const YamlValue& value, FrontMatter& front) {
  const std::string scalar =
      one_line(value.is_list && !value.items.empty() ? value.items.front() : value.scalar);
  if (key == "title") {
    if (front.title.empty()) front.title = scalar;
  } else if (key == "author" || key == "authors") {
    if (front.authors.empty()) front.authors = value.as_list("");
  } else if (key == "date") {
    if (!front.date) front.date = parse_date_value(scalar);
  } else if (key == "tags" || key == "keywords") {
    for (std::string& keyword : value.as_list(","))
      front.keywords.push_back(std::move(keyword));
  } else if (key == "description" || key == "summary") {
    if (front.description.empty() || key == "description") front.description = scalar;
  } else if (key == "lang" || key == "language") {
    if (front.language.empty()) front.language = language_code(scalar);
  }
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

FrontMatter parse_front_matter(std::string_view yaml) {
  std::vector<std::string_view> lines;
  for (std::string_view line : TextLines(yaml))
    lines.push_back(line);
  FrontMatter front;
  std::size_t i = 0;
  while (i < lines.size()) {
    const std::string_view line = lines[i];
    const std::size_t colon = line.find(':');
    if (is_indented(line) || line.starts_with('#') || colon == std::string_view::npos || colon == 0) {
      ++i;
      continue;
    }
    const ReadValue read = read_value(lines, i, line.substr(colon + 1));
    apply(lower_ascii(unquote(line.substr(0, colon))), read.value, front);
    i = read.next_line;
  }
  return front;
}

}  // namespace dossier::indexer
