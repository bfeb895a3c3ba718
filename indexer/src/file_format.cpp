#include "dossier/indexer/file_format.h"

#include <algorithm>
#include <string>

namespace dossier::indexer {

std::optional<FileFormat> format_for_path(std::string_view path) {
  // No std::filesystem::path here: an incremental run asks this for every file it finds, and a
  // path object splits the whole path into components first.
  const std::string_view name = path.substr(path.rfind('/') + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  std::string extension(name.substr(dot));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  if (extension == ".txt") return FileFormat::PlainText;
  if (extension == ".md" || extension == ".markdown") return FileFormat::Markdown;
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return FileFormat::Html;
  if (extension == ".pdf") return FileFormat::Pdf;
  if (extension == ".docx") return FileFormat::Docx;
  if (extension == ".odt") return FileFormat::Odt;
  return std::nullopt;
}

std::string_view format_name(FileFormat format) noexcept {
  switch (format) {
    case FileFormat::PlainText:
      return "txt";
    case FileFormat::Markdown:
      return "md";
    case FileFormat::Html:
      return "html";
    case FileFormat::Pdf:
      return "pdf";
    case FileFormat::Docx:
      return "docx";
    case FileFormat::Odt:
      return "odt";
  }
  return "unknown";
}

}  // namespace dossier::indexer
