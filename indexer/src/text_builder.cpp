#include "text_builder.h"

#include "dossier/analysis/utf8.h"

namespace dossier::indexer {

void TextBuilder::write_due_space() {
  if (space_due_ && !text_.empty() && text_.back() != '\n') text_.push_back(' ');
  space_due_ = false;
}

void TextBuilder::append_collapsed(std::string_view text) {
  for (char c : text) {
    if (analysis::is_ascii_space(c)) {
      space_due_ = true;
      continue;
    }
    write_due_space();
    text_.push_back(c);
  }
}

void TextBuilder::append_verbatim(std::string_view text) {
  if (text.empty()) return;
  write_due_space();
  text_.append(text);
}

void TextBuilder::end_line() {
  space_due_ = false;
  if (!text_.empty() && text_.back() != '\n') text_.push_back('\n');
}

void TextBuilder::line_break() {
  space_due_ = false;
  text_.push_back('\n');
}

std::string TextBuilder::take() {
  end_line();
  return std::move(text_);
}

}  // namespace dossier::indexer
