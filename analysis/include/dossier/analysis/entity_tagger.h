/// \file
/// Tags a report with the countries and actors it names, counting mentions per document.
#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dossier/analysis/alias_matcher.h"
#include "dossier/analysis/analyzer.h"
#include "dossier/analysis/entity.h"
#include "dossier/analysis/gazetteer.h"

namespace dossier::analysis {

/// One entity found in a document.
struct EntityMentions {
  std::string id;                  ///< country code or actor id
  std::size_t mentions = 0;        ///< accepted mentions in the document
  std::set<std::string> surfaces;  ///< the exact strings matched, so a user can see why
};

/// Everything tagged in one document, each list sorted by mentions (most first), then id.
struct DocumentEntities {
  std::vector<EntityMentions> countries;
  std::vector<EntityMentions> actors;
  /// Actors of kind `Unknown` defined in this document ("Foo Security Bureau (FSB2)"), for the
  /// actors list entries whose id is not in the gazetteer.
  std::vector<Actor> defined_actors;
};

/// Tagging rules that can be switched.
struct TaggerOptions {
  bool capitals = true;  ///< a capital ("Beijing", "Moscow") counts as a mention of its country
};

/// Finds gazetteer names in text and decides which mentions to trust:
/// - names match on folded words with the same analyzer as search, so possessives and compounds
///   count ("China's", "China-based", "Beijing-sanctioned");
/// - acronyms match case-sensitively ("MSS", not "mss"); other names need their capitals;
/// - weak names (common words like "Play", ambiguous ones like "Georgia") count only when the same
///   entity is also named by a strong name in the document, or a context word is near ("Play
///   ransomware", "government of Georgia"); a weak name glued to another capitalised word ("Cobalt
///   Strike", "Michael Jordan") never counts; a weak acronym of an actor ("MSS", also TCP's maximum
///   segment size) also counts when the document names the actor's country;
/// - "Long Name (ACR)" in a report makes later "ACR" mentions count for the long name's entity;
///   when the long name names an organisation not in the gazetteer, it becomes an actor of kind
///   `unknown`;
/// - names no gazetteer knows in an alias list ("APT40, also known as Foo or Bar", "Foo (aka
///   APT28)") count for the threat group the list names; after a word for a group ("a threat
///   actor known as Foo", "the group named “Foo”") they become a new threat group; later mentions
///   of those names count too.
///
/// Immutable once built; `tag` is thread-safe. The gazetteer must outlive the tagger.
class EntityTagger {
 public:
  EntityTagger(const Gazetteer& gazetteer, const Analyzer& analyzer, TaggerOptions options = {});
  ~EntityTagger();

  /// Tags `text` (valid UTF-8) in one pass of the analyzer, in the language CLD2 detects (English
  /// when it cannot tell).
  DocumentEntities tag(std::string_view text) const;

  /// Tags `text` written in `language` (an ISO 639-1 code such as "nb", "ru", "de"; "" or an
  /// unknown code: no stems): names of countries in that language also match inflected ("Украины",
  /// "kinesiske", "deutsche").
  DocumentEntities tag(std::string_view text, std::string_view language) const;

  class Session;

  /// Starts tagging `text` from tokens the caller produces (so that indexing analyses each text
  /// once): feed the session every token of `text` from `Analyzer::for_each_token` with the same
  /// `language` (the tokens' stems must be in it), then `finish`.
  std::unique_ptr<Session> start(std::string_view text, std::string_view language = {}) const;

  const Gazetteer& gazetteer() const noexcept { return gazetteer_; }

 private:
  friend class Session;
  const Gazetteer& gazetteer_;
  const Analyzer& analyzer_;
  TaggerOptions options_;
  AliasMatcher matcher_;
};

/// Incremental tagging of one text; memory stays bounded however long the text is.
class EntityTagger::Session {
 public:
  Session(const EntityTagger& tagger, std::string_view text, std::string_view language);
  ~Session();

  /// Consumes the next token of the text (parts of identifiers are ignored).
  void feed(const Token& token);

  /// Resolves weak mentions and returns the document's entities. Call once.
  DocumentEntities finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace dossier::analysis
