/// \file
/// The gazetteer files of corpus/gazetteers/, compiled into the library.
#pragma once

#include <string_view>

namespace dossier::analysis {

/// corpus/gazetteers/countries.tsv as compiled in.
std::string_view builtin_countries_tsv() noexcept;
/// corpus/gazetteers/actors.tsv as compiled in.
std::string_view builtin_actors_tsv() noexcept;
/// corpus/gazetteers/weak-aliases.tsv as compiled in.
std::string_view builtin_weak_aliases_tsv() noexcept;

/// corpus/gazetteers/local-names.tsv as compiled in.
std::string_view builtin_local_names_tsv() noexcept;

}  // namespace dossier::analysis
