/// \file
/// Builds zip archives in memory with libzip, for the DOCX and ODT extractor tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace dossier::testing {

/// One member of a test archive: its path and its (uncompressed) content.
using ZipMember = std::pair<std::string, std::string>;

/// The bytes of a zip archive holding `members`, deflated. Throws `std::runtime_error` if libzip
/// fails.
std::string build_zip(const std::vector<ZipMember>& members);

}  // namespace dossier::testing
