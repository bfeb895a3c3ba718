#include "dossier/analysis/path_words.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using dossier::analysis::Analyzer;
using dossier::analysis::case_and_digit_words;
using dossier::analysis::path_query_words;
using dossier::analysis::path_terms;

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words)
    out += (out.empty() ? "" : " ") + word;
  return out;
}

// "term" or "term|word+word" for each word of a path: query.
std::string query_words(std::string_view text) {
  static const Analyzer analyzer;
  std::string out;
  for (const auto& word : path_query_words(analyzer, text)) {
    out += (out.empty() ? "" : " ") + word.term;
    if (!word.words.empty()) out += "|";
    for (std::size_t i = 0; i < word.words.size(); ++i)
      out += (i == 0 ? "" : "+") + word.words[i];
  }
  return out;
}

}  // namespace

TEST_CASE("a word is split where its case or its kind of character changes", "[path_words]") {
  using Words = std::vector<std::string_view>;
  CHECK(case_and_digit_words("ThreatReport2024") == Words{"Threat", "Report", "2024"});
  CHECK(case_and_digit_words("HTMLParser") == Words{"HTML", "Parser"});
  CHECK(case_and_digit_words("apt40") == Words{"apt", "40"});
  CHECK(case_and_digit_words("\u041e\u0442\u0447\u0435\u0442\u0424\u0421\u0411") ==
        Words{"\u041e\u0442\u0447\u0435\u0442", "\u0424\u0421\u0411"});
  CHECK(case_and_digit_words("report").empty());
  CHECK(case_and_digit_words("REPORT").empty());
  CHECK(case_and_digit_words("Report").empty());
  CHECK(case_and_digit_words("O'Brien").empty());
  CHECK(case_and_digit_words("").empty());
  CHECK(case_and_digit_words("\xff\xfe").empty());
}

TEST_CASE("a file name gives the whole name, its words and their case and digit words", "[path_words]") {
  const Analyzer analyzer;
  CHECK(joined(path_terms(analyzer, "norway-2024-threat-assessment.txt")) ==
        "2024 assessment norway norway-2024-threat-assessment.txt threat txt");
  CHECK(joined(path_terms(analyzer, "chinese-espionage-in-europe.txt")) ==
        "chinese chinese-espionage-in-europe.txt espionage europe in txt");
  CHECK(joined(path_terms(analyzer, "ThreatReport2024.pdf")) ==
        "2024 pdf report threat threatreport2024 threatreport2024.pdf");
  CHECK(joined(path_terms(analyzer, "Q3_APT_summary")) == "3 apt q q3 q3_apt_summary summary");
  CHECK(path_terms(analyzer, "").empty());
}

TEST_CASE("a path: word matches its whole term or the words the index holds for it", "[path_words]") {
  CHECK(query_words("norway") == "norway");
  CHECK(query_words("ThreatReport") == "threatreport|threat+report");
  CHECK(query_words("threat-assessment.txt") == "threat-assessment.txt|threat+assessment+txt");
  CHECK(query_words("norway-2024") == "norway 2024");
  CHECK(query_words("apt40.txt") == "apt40.txt|apt+40+txt");
}
