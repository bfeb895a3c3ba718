/// \file
/// What an extractor gives back: the text to index and the metadata found in the file.
#pragma once

#include <stdexcept>
#include <string>

namespace dossier::indexer {

/// The readable content of one file.
struct ExtractedDocument {
  std::string text;   ///< valid UTF-8, markup removed
  std::string title;  ///< valid UTF-8, one line, may be empty
};

/// A file whose bytes cannot be turned into text; the message is the reason shown to the user.
class ExtractionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dossier::indexer
