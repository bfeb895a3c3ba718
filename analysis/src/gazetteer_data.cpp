// Embeds the gazetteer files byte for byte with the assembler's .incbin, so that the binary needs
// no data files at run time and nothing has to parse a generated C++ array at build time.
// DOSSIER_GAZETTEER_DIR is set by CMake, which also rebuilds this file when the data changes.
#include "dossier/analysis/gazetteer_data.h"

#define DOSSIER_EMBED(symbol, file)               \
  asm(".section .rodata\n"                        \
      ".balign 16\n"                              \
      ".global " #symbol "_begin\n" #symbol       \
      "_begin:\n"                                 \
      ".incbin \"" DOSSIER_GAZETTEER_DIR "/" file \
      "\"\n"                                      \
      ".global " #symbol "_end\n" #symbol         \
      "_end:\n"                                   \
      ".byte 0\n"                                 \
      ".previous\n");                             \
  extern "C" const char symbol##_begin[];         \
  extern "C" const char symbol##_end[];

DOSSIER_EMBED(dossier_countries_tsv, "countries.tsv")
DOSSIER_EMBED(dossier_actors_tsv, "actors.tsv")
DOSSIER_EMBED(dossier_weak_aliases_tsv, "weak-aliases.tsv")
DOSSIER_EMBED(dossier_local_names_tsv, "local-names.tsv")

namespace dossier::analysis {

std::string_view builtin_countries_tsv() noexcept {
  return {dossier_countries_tsv_begin,
          static_cast<std::size_t>(dossier_countries_tsv_end - dossier_countries_tsv_begin)};
}

std::string_view builtin_actors_tsv() noexcept {
  return {dossier_actors_tsv_begin,
          static_cast<std::size_t>(dossier_actors_tsv_end - dossier_actors_tsv_begin)};
}

std::string_view builtin_weak_aliases_tsv() noexcept {
  return {dossier_weak_aliases_tsv_begin,
          static_cast<std::size_t>(dossier_weak_aliases_tsv_end - dossier_weak_aliases_tsv_begin)};
}

std::string_view builtin_local_names_tsv() noexcept {
  return {dossier_local_names_tsv_begin,
          static_cast<std::size_t>(dossier_local_names_tsv_end - dossier_local_names_tsv_begin)};
}

}  // namespace dossier::analysis
