#include "dossier/indexer/pdf_extractor.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "dossier/analysis/utf8.h"
#include "test_pdf.h"

using dossier::indexer::extract_pdf;
using dossier::indexer::ExtractionError;
using dossier::testing::build_pdf;
using dossier::testing::TestPdf;

TEST_CASE("a word that only page 2 holds is found after the first page start", "[pdf]") {
  const auto document = extract_pdf(build_pdf(TestPdf{{{}, {"Fortinet"}}, {}, {}}));
  REQUIRE(document.page_starts.size() == 1);
  const std::size_t word = document.text.find("Fortinet");
  REQUIRE(word != std::string::npos);
  CHECK(word >= document.page_starts[0]);
  CHECK(document.text[document.page_starts[0] - 1] == '\f');
  CHECK(document.text.find_first_not_of(" \n", 0) == document.page_starts[0] - 1);
}

TEST_CASE("pages are joined with form feeds and each has a start", "[pdf]") {
  const auto document =
      extract_pdf(build_pdf(TestPdf{{{"first page"}, {"second page"}, {"third page"}}, {}, {}}));
  REQUIRE(document.page_starts.size() == 2);
  CHECK(document.text.substr(0, document.page_starts[0]).find("first page") != std::string::npos);
  CHECK(document.text.substr(document.page_starts[0], document.page_starts[1] - document.page_starts[0])
            .find("second page") != std::string::npos);
  CHECK(document.text.substr(document.page_starts[1]).find("third page") != std::string::npos);
  CHECK(std::count(document.text.begin(), document.text.end(), '\f') == 2);
}

TEST_CASE("a one-page PDF has no page starts", "[pdf]") {
  const auto document = extract_pdf(build_pdf(TestPdf{{{"only page"}}, {}, {}}));
  CHECK(document.page_starts.empty());
  CHECK(document.text.find("only page") != std::string::npos);
}

TEST_CASE("the information dictionary gives title, author, subject, keywords and creation day", "[pdf]") {
  const auto document = extract_pdf(build_pdf(
      TestPdf{{{"Body text"}},
              "/Title (Covert Operations in Europe) /Author (Britt Verregghen) /Subject (Chinese espionage) "
              "/Keywords (MSS, espionage; Europe) /CreationDate (D:20240306231500-05'00')",
              {}}));
  CHECK(document.title == "Covert Operations in Europe");
  CHECK(document.author == "Britt Verregghen");
  CHECK(document.description == "Chinese espionage");
  CHECK(document.keywords == std::vector<std::string>{"MSS", "espionage", "Europe"});
  REQUIRE(document.date.has_value());
  CHECK(document.date->to_iso() == "2024-03-06");  // as written, not shifted to UTC
}

TEST_CASE("a UTF-16 title in the information dictionary becomes UTF-8", "[pdf]") {
  // "Sécurité" in UTF-16BE with a byte order mark, as a hexadecimal string.
  const auto document =
      extract_pdf(build_pdf(TestPdf{{{"x"}}, "/Title <FEFF005300E90063007500720069007400E9>", {}}));
  CHECK(document.title ==
        "S\xC3\xA9"
        "curit\xC3\xA9");
}

TEST_CASE("without a Title the first line of page 1 is the title", "[pdf]") {
  const auto document =
      extract_pdf(build_pdf(TestPdf{{{"", "Threat Assessment 2024", "body"}, {"page two"}}, {}, {}}));
  CHECK(document.title == "Threat Assessment 2024");
  CHECK(document.date == std::nullopt);
  CHECK(document.author.empty());
}

TEST_CASE("a PDF that needs a user password is refused as encrypted", "[pdf]") {
  const std::string o(32, 'o'), u(32, 'u');
  const std::string pdf = build_pdf(TestPdf{
      {{"secret"}}, {}, "/Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O (" + o + ") /U (" + u + ")"});
  CHECK_THROWS_WITH(extract_pdf(pdf), "encrypted PDF");
}

TEST_CASE("random bytes, truncated files and empty input are not PDFs", "[pdf]") {
  CHECK_THROWS_WITH(extract_pdf(""), "damaged or not a PDF");
  CHECK_THROWS_WITH(extract_pdf("%PDF-1.4"), "damaged or not a PDF");
  std::string noise;
  std::uint32_t state = 12345;
  for (int i = 0; i < 20000; ++i) {
    state = state * 1103515245 + 12345;
    noise.push_back(static_cast<char>(state >> 24));
  }
  CHECK_THROWS_AS(extract_pdf(noise), ExtractionError);
}

TEST_CASE("every prefix of a PDF gives an error or a sane document", "[pdf]") {
  const std::string pdf = build_pdf(TestPdf{{{"alpha beta"}, {"gamma"}}, "/Title (T)", {}});
  for (std::size_t length = 0; length < pdf.size(); length += 7) {
    try {
      const auto document = extract_pdf(std::string_view(pdf).substr(0, length));
      CHECK(dossier::analysis::is_valid_utf8(document.text));
      CHECK(document.page_starts.size() <= 1);
    } catch (const ExtractionError& e) {
      CHECK(std::string(e.what()) == "damaged or not a PDF");
    }
  }
}

namespace {

// A PDF without a cross-reference table (poppler rebuilds it by scanning for objects) whose page
// has `contents` as its content stream and whose objects `extra` add to.
std::string raw_pdf(const std::string& pages_object, const std::string& contents,
                    const std::string& extra = {}) {
  return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj " + pages_object +
         " endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
         " /Resources << /Font << /F1 5 0 R >> >> >> endobj\n4 0 obj << /Length " +
         std::to_string(contents.size()) + " >> stream\n" + contents +
         "\nendstream endobj\n5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n" +
         extra + "trailer << /Root 1 0 R >>\n%%EOF\n";
}

// Either outcome is fine for hostile input; what matters is getting one, in time, without a crash.
bool extracts_or_refuses(const std::string& bytes) {
  try {
    return dossier::analysis::is_valid_utf8(extract_pdf(bytes).text);
  } catch (const ExtractionError&) {
    return true;
  }
}

}  // namespace

TEST_CASE("a PDF without a cross-reference table is read by scanning its objects", "[pdf][hostile]") {
  const auto document = extract_pdf(
      raw_pdf("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "BT /F1 12 Tf 72 720 Td (Sandpiper) Tj ET"));
  CHECK(document.text.find("Sandpiper") != std::string::npos);
}

TEST_CASE("a page tree that contains itself neither hangs nor crashes", "[pdf][hostile]") {
  CHECK(extracts_or_refuses(raw_pdf("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", "BT ET")));
  CHECK(extracts_or_refuses(raw_pdf("<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>", "BT ET")));
}

TEST_CASE("arrays and dictionaries nested 100,000 deep do not overflow the stack", "[pdf][hostile]") {
  const std::string arrays = std::string(100'000, '[') + std::string(100'000, ']');
  std::string dictionaries;
  for (int i = 0; i < 100'000; ++i)
    dictionaries += "<< /A ";
  dictionaries += "1" + std::string(100'000 * 3, ' ');
  for (int i = 0; i < 100'000; ++i)
    dictionaries += ">> ";
  CHECK(extracts_or_refuses(
      raw_pdf("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "BT ET", "6 0 obj " + arrays + " endobj\n")));
  CHECK(extracts_or_refuses(raw_pdf("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "BT ET",
                                    "6 0 obj " + dictionaries + " endobj\n")));
  CHECK(extracts_or_refuses(raw_pdf("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "BT " + arrays + " Tj ET")));
}

TEST_CASE("a PDF still being read at its deadline fails, naming the page it stopped at", "[pdf][hostile]") {
  const std::string pdf = build_pdf(TestPdf{{{"first page"}, {"second page"}, {"third page"}}, {}, {}});
  dossier::indexer::ExtractionLimits limits;
  limits.budget = std::chrono::milliseconds(1500);
  limits.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  CHECK_THROWS_WITH(extract_pdf(pdf, limits), "took longer than 1.5 s to extract (stopped at page 1 of 3)");
  // The same file with time to spare is read whole.
  limits.deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  CHECK(extract_pdf(pdf, limits).page_starts.size() == 2);
}

TEST_CASE("a PDF whose text outgrows the limit fails instead of filling memory", "[pdf][hostile]") {
  const std::string pdf = build_pdf(TestPdf{{{"first page of text"}, {"second page of text"}}, {}, {}});
  dossier::indexer::ExtractionLimits limits;
  limits.max_text_bytes = 25;
  CHECK_THROWS_WITH(extract_pdf(pdf, limits), "more than 25 bytes of text (at page 2 of 2)");
}
