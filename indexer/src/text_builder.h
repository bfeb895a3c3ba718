/// \file
/// Accumulates the text of a markup document line by line (private to the indexer).
#pragma once

#include <string>
#include <string_view>

namespace dossier::indexer {

/// Builds extracted text from markup pieces so that words from different elements never glue
/// together and block elements end lines. White space is tracked as "a space is due" and written
/// only before the next visible character, so lines never start or end with spaces from markup.
class TextBuilder {
 public:
  /// Appends `text` with each run of white space made one space (HTML and ODF rules).
  void append_collapsed(std::string_view text);

  /// Appends `text` as it is (preformatted text, DOCX runs, ODF spaces and tabs).
  void append_verbatim(std::string_view text);

  /// Ends the current line unless it is empty.
  void end_line();

  /// Appends a line break even when the line is empty (`<br>`, `w:br`).
  void line_break();

  /// Asks for a space before the next text unless a line starts there (table cells).
  void word_break() noexcept { space_due_ = true; }

  /// The text so far; every non-empty text ends with a line break.
  std::string take();

 private:
  void write_due_space();

  std::string text_;
  bool space_due_ = false;
};

}  // namespace dossier::indexer
