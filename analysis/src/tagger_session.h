/// \file
/// The state of tagging one text: the token window, the candidates found so far and the rules
/// that find them. Private to the entity tagger (`EntityTagger::Session` wraps it).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "alias_list_reader.h"
#include "dossier/analysis/alias_matcher.h"
#include "dossier/analysis/entity_tagger.h"
#include "entity_candidate.h"
#include "han_folder.h"
#include "mention_resolver.h"
#include "token_window.h"

namespace dossier::analysis {

/// What a session needs from its tagger.
struct TaggerParts {
  const Gazetteer& gazetteer;
  const AliasMatcher& matcher;
  TaggerOptions options;
};

/// Tags one text token by token, with a bounded window (look-ahead = the longest name).
class TaggerSession {
 public:
  /// `language`: the ISO 639-1 code or stemmer name the fed tokens were stemmed with ("" for none).
  TaggerSession(TaggerParts parts, std::string_view text, std::string_view language);

  /// Takes the next primary token.
  void feed(const Token& token);
  /// Decides on every remaining token and resolves the mentions. Call once.
  DocumentEntities finish();

  // For the alias-list reader, which adds what lists name.
  TokenWindow& window() { return window_; }
  std::vector<Candidate>& candidates() { return findings_.candidates; }
  const Gazetteer& gazetteer() const { return parts_.gazetteer; }
  void note_context(std::size_t i);
  void add_candidate(EntityType type, std::string id, std::size_t first, std::size_t length,
                     Certainty certainty, NameRole role);
  bool is_group(const Candidate& c) const;
  /// The id of a threat group the report names and no gazetteer lists, defined on first use.
  std::string define_group(const std::string& name, std::vector<std::string> aliases);
  /// A group named by a vendor's code that no gazetteer lists yet ("TA574", "Storm-0558").
  void define_code_named_group(std::size_t first, std::size_t length);
  /// Moves the cursor to buffer index `next`.
  void skip_to(std::size_t next) { cursor_ = next; }

 private:
  void run(bool final);
  void step();
  void record_match(std::size_t first, const NameMatch& match, std::size_t length);
  std::size_t extend_group_name(std::size_t first, const NameMatch& match) const;
  bool names_something_else(const NameEntry& entry, std::size_t first, std::size_t length) const;
  std::string id_of(const EntityRef& ref) const;
  bool local_name(std::size_t i);
  void define_acronym(std::size_t i);

  bool longer_name(std::size_t first, const NameMatch& match, std::size_t length);
  bool acronym_of_another(std::size_t first, const NameEntry& entry, std::size_t acronym);
  std::optional<std::string> country_named(std::size_t first, std::size_t length) const;
  void define_unknown(std::size_t first, std::size_t end, std::string country,
                      std::vector<std::string> aliases);
  void country_in_compound(std::size_t first, const NameMatch& match);
  bool not_a_mention(const NameEntry& entry, std::size_t first, std::size_t length);

  TaggerParts parts_;
  std::string language_;          // stemmer name, "" for none
  std::optional<HanFolder> han_;  // copied from the matcher at the first ideographic token
  std::size_t footer_end_ = 0;    // one past the global index of the last name dropped as a footer
  TokenWindow window_;
  std::size_t cursor_ = 0;  // buffer index of the next token to decide on
  SessionFindings findings_;
  std::unordered_map<std::string, std::pair<EntityType, std::string>> local_acronyms_;
  AliasListReader lists_;
};

}  // namespace dossier::analysis
