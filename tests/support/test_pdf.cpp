#include "test_pdf.h"

#include <cstdio>

namespace dossier::testing {
namespace {

// A PDF literal string: parentheses and backslashes escaped.
std::string literal(const std::string& text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + ")";
}

std::string content_stream(const std::vector<std::string>& lines) {
  if (lines.empty()) return {};
  std::string stream = "BT /F1 12 Tf 14 TL 72 720 Td";
  for (const std::string& line : lines)
    stream += " " + literal(line) + " Tj T*";
  return stream + " ET";
}

class PdfWriter {
 public:
  // Adds object number objects_.size() + 1 and returns its number.
  int add(const std::string& body) {
    objects_.push_back(body);
    return static_cast<int>(objects_.size());
  }
  void set(int number, const std::string& body) { objects_[static_cast<std::size_t>(number - 1)] = body; }

  std::string finish(const std::string& trailer_entries) const {
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects_.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
      char entry[32];
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
      out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " " + trailer_entries + " >>\n";
    return out + "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
  }

 private:
  std::vector<std::string> objects_;
};

}  // namespace

std::string build_pdf(const TestPdf& pdf) {
  PdfWriter writer;
  const int catalog = writer.add("<< /Type /Catalog /Pages 2 0 R >>");
  const int pages = writer.add("");
  const int font = writer.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  std::string kids;
  for (const auto& lines : pdf.pages) {
    const std::string stream = content_stream(lines);
    const int content =
        writer.add("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream");
    const int page =
        writer.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 " +
                   std::to_string(font) + " 0 R >> >> /Contents " + std::to_string(content) + " 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  writer.set(pages,
             "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pdf.pages.size()) + " >>");
  std::string trailer = "/Root " + std::to_string(catalog) + " 0 R";
  if (!pdf.info.empty()) trailer += " /Info " + std::to_string(writer.add("<< " + pdf.info + " >>")) + " 0 R";
  if (!pdf.encrypt.empty()) {
    trailer += " /Encrypt " + std::to_string(writer.add("<< " + pdf.encrypt + " >>")) + " 0 R";
    trailer += " /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]";
  }
  return writer.finish(trailer);
}

}  // namespace dossier::testing
