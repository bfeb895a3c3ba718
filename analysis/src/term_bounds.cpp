#include "dossier/analysis/term_bounds.h"

#include "dossier/analysis/digest.h"
#include "dossier/analysis/utf8.h"

namespace dossier::analysis {

std::string bound_term(std::string term) {
  if (term.size() <= kMaxTermBytes) return term;
  std::string bounded(utf8_prefix(term, kBoundedTermPrefixBytes));
  bounded.push_back('#');
  bounded.append(digest_hex(term));
  return bounded;
}

}  // namespace dossier::analysis
