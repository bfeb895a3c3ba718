#include "dossier/searcher/csv_field.h"

#include "dossier/analysis/utf8.h"

namespace dossier::searcher {

std::string csv_field(std::string_view field) {
  std::string text = analysis::repair_utf8(field);
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i)
    line += (i == 0 ? "" : ",") + fields[i];
  return line + "\r\n";
}

}  // namespace dossier::searcher
