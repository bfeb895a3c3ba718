/// \file
/// Finds gazetteer names in a stream of analysed tokens: a trie over folded token sequences, with
/// the case rules that keep "china" (porcelain) and "MSS" apart from "China" and "mss".
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/gazetteer.h"

namespace dossier::analysis {

class HanFolder;

/// Which list an entity lives in.
enum class EntityType { Country, Actor };

/// A country or an actor of a `Gazetteer`, by position.
struct EntityRef {
  EntityType type = EntityType::Country;
  std::uint32_t index = 0;
  friend bool operator==(const EntityRef&, const EntityRef&) = default;
};

/// How a name refers to its entity; capitals and demonyms of countries can be treated apart.
enum class NameRole { Name, Demonym, Capital };

/// How the case of a matched text must agree with the name.
enum class CaseRule {
  Exact,        ///< acronyms ("MSS", "NATO", "U.S."): the text must be spelt exactly so
  Capitalized,  ///< proper names: each capitalised word of the name is capitalised in the text
  None,         ///< scripts without case (Han names, matched character by character)
};

/// One name of one entity, ready for matching.
struct NameEntry {
  EntityRef target;
  NameRole role = NameRole::Name;
  CaseRule case_rule = CaseRule::Capitalized;
  bool weak = false;         ///< listed as weak: counts only with support (see `EntityTagger`)
  bool common_word = false;  ///< weak only for being an English word ("Hive"): see `Weakness::CommonWord`
  bool never = false;        ///< names something else that contains an actor's name: `Weakness::NotAnActor`
  /// Tokens of the shorter name of the same actor this name starts with, when the rest is a team,
  /// product or division ("Zscaler ThreatLabz", "ESET Research"): the mention's surface; 0 = all.
  std::size_t head = 0;
  std::vector<std::string> words;       ///< the name's words as written in the gazetteer
  std::vector<std::string> separators;  ///< between words: "" for spaces or a hyphen, else the text ("&")
};

/// A name found in the token stream.
struct NameMatch {
  std::size_t length = 0;                 ///< tokens consumed
  std::vector<const NameEntry*> entries;  ///< every entry for this word sequence whose case rule holds
};

/// The names of a gazetteer as a trie of folded terms. Immutable once built; thread-safe.
class AliasMatcher {
 public:
  /// Prepares every name, alias, demonym and capital of `gazetteer` (the gazetteer must outlive the
  /// matcher). Names that analyse to no token, or to more than `kMaxNameTokens`, are left out.
  AliasMatcher(const Gazetteer& gazetteer, const Analyzer& analyzer);
  ~AliasMatcher();
  AliasMatcher(AliasMatcher&&) noexcept;
  AliasMatcher& operator=(AliasMatcher&&) noexcept;

  static constexpr std::size_t kMaxNameTokens = 12;

  /// The longest name starting at `tokens[first]` (primary tokens of `text`), or `std::nullopt`.
  /// Words match on their folded terms; ideographic tokens (terms folded to Simplified Chinese by
  /// the caller) match Han names character by character, whatever the segmentation. With a
  /// `language` (an ISO 639-1 code or stemmer name the tokens were stemmed with), countries' names
  /// and demonyms in that language also match on stems ("Украины", "kinesiske"); the longer match
  /// wins, the folded one on a tie.
  std::optional<NameMatch> longest_match(std::string_view text, const std::vector<Token>& tokens,
                                         std::size_t first, std::string_view language = {}) const;

  /// The longest country name that starts a Han name of `length` tokens at `tokens[first]` and
  /// ends before it (中华人民共和国 of 中华人民共和国国家安全部), or `std::nullopt`.
  std::optional<NameMatch> country_inside(std::string_view text, const std::vector<Token>& tokens,
                                          std::size_t first, std::size_t length) const;

  /// The stemmer name ("norwegian") a language code ("nb", "no", "nn") stems with, or "" for none.
  static std::string stemmer_name(std::string_view language);

  /// Longest name, in tokens, of any entry (the look-ahead a streaming caller needs).
  std::size_t max_length() const noexcept { return max_length_; }

 private:
  struct Node;
  NameEntry* add(const std::string& name, EntityRef target, NameRole role, const Gazetteer& gazetteer,
                 const Analyzer& analyzer);

 public:
  /// Folds Traditional Chinese to Simplified, as Han names are stored: callers fold the terms of
  /// ideographic tokens with a copy of it (one per thread) before matching.
  const HanFolder& han_folder() const noexcept { return *han_; }

 private:
  void add_stemmed(Node& root, const std::string& name, EntityRef target, NameRole role,
                   const std::string& language, const Analyzer& analyzer);
  void find_heads(const Gazetteer& gazetteer);
  std::optional<NameMatch> walk(const Node& root, std::string_view text, const std::vector<Token>& tokens,
                                std::size_t first, bool stems) const;

  std::unique_ptr<HanFolder> han_;
  std::unique_ptr<Node> root_;
  std::vector<std::pair<std::string, std::unique_ptr<Node>>> stem_roots_;  // by stemmer name
  std::vector<std::unique_ptr<NameEntry>> entries_;
  std::size_t max_length_ = 1;
};

}  // namespace dossier::analysis
