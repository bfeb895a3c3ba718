/// \file
/// The file formats Dossier reads, recognised by file name.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace dossier::indexer {

/// A format with an extractor.
enum class FileFormat {
  PlainText,  ///< .txt
  Markdown,   ///< .md, .markdown
  Html,       ///< .html, .htm, .xhtml
  Pdf,        ///< .pdf
  Docx,       ///< .docx (Office Open XML word processing)
  Odt,        ///< .odt (OpenDocument text)
};

/// The format for `path` from its extension (case-insensitive), or `std::nullopt` when Dossier does
/// not read that kind of file. As `std::filesystem::path::extension`: the last dot of the last
/// component, not at its start (".txt" alone has no extension).
std::optional<FileFormat> format_for_path(std::string_view path);

/// A short stable name: "txt", "md", "html", "pdf", "docx", "odt". Used in the index (`type:` queries) and in
/// JSON.
std::string_view format_name(FileFormat format) noexcept;

}  // namespace dossier::indexer
