/// \file
/// Reads alias lists while a session tags a text ("APT40, also known as Leviathan or Foo", "a
/// threat actor known as Hydro"): names no gazetteer knows wait for the list's end to learn whose
/// they are. Private to the entity tagger.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dossier/analysis/alias_list.h"
#include "entity_candidate.h"

namespace dossier::analysis {

class TaggerSession;

/// The alias list being read in one session, and the names earlier lists gave groups.
class AliasListReader {
 public:
  /// True when buffer index `i` is where the open list expects its next name; a list whose next
  /// name did not come is closed.
  bool at_listed_name(TaggerSession& session, std::size_t i);
  /// After a gazetteer match inside a list (candidates from `first_candidate` on, the match ending
  /// at buffer index `last`): a known group tells whose the list's names are; anything else ends it.
  void list_group(TaggerSession& session, std::size_t first_candidate, std::size_t last);
  /// A name no gazetteer knows, or a vendor's code, at the place of the list's next name.
  bool read_listed_name(TaggerSession& session, std::size_t i);
  /// Starts a list at an alias phrase or a quoted name after a group word; consumes the phrase.
  bool open_list(TaggerSession& session, std::size_t i);
  /// A later mention of a name an alias list gave a group: (id, tokens).
  std::optional<std::pair<std::string, std::size_t>> local_name(TaggerSession& session, std::size_t i) const;
  /// True while a list is open.
  bool open() const { return list_.has_value(); }
  /// Ends the open list: its names become candidates of the group it names, or of a new group.
  void close_list(TaggerSession& session);

 private:
  struct OpenList {
    ListAnchor anchor = ListAnchor::None;
    std::size_t expect = 0;  // global index of the token where the next listed name must start
    std::string group;       // the first known threat group among the names, if any
    std::vector<std::pair<Candidate, std::vector<std::string>>> names;  // with their folded terms
  };
  void advance_list(TaggerSession& session, std::size_t last);
  std::pair<Candidate, std::vector<std::string>> pending_name(TaggerSession& session, std::size_t first,
                                                              std::size_t length) const;

  std::optional<OpenList> list_;
  ListedNames listed_names_;
};

}  // namespace dossier::analysis
