/// \file
/// Xapian documents made by hand for tests that need a term list, not an analysed text.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace dossier::testing {

/// A document with `terms` at positions 1, 2, 3... and the boolean term `id`.
inline Xapian::Document document_of(const std::vector<std::string>& terms, const std::string& id) {
  Xapian::Document doc;
  Xapian::termpos position = 0;
  for (const std::string& term : terms)
    doc.add_posting(term, ++position);
  doc.add_boolean_term(id);
  return doc;
}

}  // namespace dossier::testing
