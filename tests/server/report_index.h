// A small indexed corpus for the server's tests: five reports, dated at different precisions,
// naming countries and actors, one of them a two-page PDF.
#pragma once

#include <filesystem>

#include "dossier/indexer/indexer.h"
#include "temp_dir.h"
#include "test_pdf.h"

namespace dossier::testing {

class ReportIndex {
 public:
  ReportIndex() {
    reports_.write("norway.md",
                   "---\ntitle: Norway assessment\ndate: 2024-02-13\n---\nThe police service of Norway warns "
                   "of Chinese espionage by the MSS and of a botnet.\n");
    reports_.write("china.md",
                   "---\ntitle: Covert operations\ndate: 2024-03\n---\nChina's Ministry of State Security "
                   "runs espionage in Europe; the MIVD found malware on Fortinet systems.\n");
    reports_.write("year.md",
                   "---\ntitle: Annual review\ndate: 2023\n---\nEspionage statistics for the year.\n");
    reports_.write("undated.txt",
                   "Indicators\nC2 at 203.0.113.77 and evil.example.com, espionage tooling.\n");
    reports_.write("paged.pdf", build_pdf({{{"Cover page about nothing"}, {"Espionage appears on page two"}},
                                           "/Title (Paged report) /CreationDate (D:20231105120000Z)",
                                           ""}));
    dossier::indexer::IndexOptions options;
    options.database = index_.path() / "db";
    options.roots = {reports_.path()};
    dossier::indexer::run_index(options);
    database_ = options.database;
  }

  const std::filesystem::path& database() const noexcept { return database_; }
  const std::filesystem::path& folder() const noexcept { return reports_.path(); }

 private:
  TempDir reports_, index_;
  std::filesystem::path database_;
};

}  // namespace dossier::testing
