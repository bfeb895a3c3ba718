#include "alias_list_reader.h"

#include "dossier/analysis/threat_group_code.h"
#include "tagger_session.h"

namespace dossier::analysis {

bool AliasListReader::at_listed_name(TaggerSession& session, std::size_t i) {
  if (!list_) return false;
  const std::size_t base = session.window().base;
  if (base + i == list_->expect) return true;
  if (base + i > list_->expect) close_list(session);
  return false;
}

// The list goes on after its last name (buffer index `last`), or ends there.
void AliasListReader::advance_list(TaggerSession& session, std::size_t last) {
  const TokenWindow& w = session.window();
  if (const auto next = next_listed_name(w.text, w.buffer, last)) {
    list_->expect = w.base + last + *next;
  } else {
    close_list(session);
  }
}

void AliasListReader::list_group(TaggerSession& session, std::size_t first_candidate, std::size_t last) {
  std::vector<Candidate>& candidates = session.candidates();
  if (candidates.size() != first_candidate + 1 || !session.is_group(candidates.back())) {
    close_list(session);
    return;
  }
  if (list_->group.empty()) list_->group = candidates.back().id;
  advance_list(session, last);
}

// A code listed after a known group is one more name of it ("APT29 (aka UAC-0004)").
bool AliasListReader::read_listed_name(TaggerSession& session, std::size_t i) {
  TokenWindow& w = session.window();
  const std::size_t code = threat_group_code(w.text, w.buffer, i);
  if (code > 0 && list_->group.empty()) {
    session.define_code_named_group(i, code);
    list_->group = session.candidates().back().id;
    advance_list(session, i + code - 1);
    return true;
  }
  const std::size_t length = code > 0 ? code : listed_name_length(w.text, w.buffer, i);
  if (length == 0) return false;
  list_->names.push_back(pending_name(session, i, length));
  for (std::size_t k = 1; k < length; ++k)
    session.note_context(i + k);
  session.skip_to(i + length);
  advance_list(session, i + length - 1);
  return true;
}

std::pair<Candidate, std::vector<std::string>> AliasListReader::pending_name(TaggerSession& session,
                                                                             std::size_t first,
                                                                             std::size_t length) const {
  const TokenWindow& w = session.window();
  std::vector<std::string> terms;
  for (std::size_t k = first; k < first + length; ++k)
    terms.push_back(w.buffer[k].term);
  Candidate candidate;
  candidate.type = EntityType::Actor;
  candidate.first = w.base + first;
  candidate.last = w.base + first + length - 1;
  candidate.surface = collapse_spaces(w.span(first, length));
  return {std::move(candidate), std::move(terms)};
}

// "APT40, also known as ...", "Foo (aka APT28 ...", "a threat actor known as ...", "the group
// “...”".
bool AliasListReader::open_list(TaggerSession& session, std::size_t i) {
  const TokenWindow& w = session.window();
  if (is_group_word(w.buffer[i].term) && i + 1 < w.buffer.size() &&
      quotes_name(w.gap(w.buffer[i], w.buffer[i + 1]))) {
    list_ = OpenList{ListAnchor::GroupWord, w.base + i + 1, {}, {}};
    return true;
  }
  const auto trigger = list_trigger(w.text, w.buffer, i);
  if (!trigger || i == 0) return false;
  const std::vector<Candidate>& candidates = session.candidates();
  std::optional<bool> named_group;
  if (!candidates.empty() && candidates.back().last == w.base + i - 1) {
    const Candidate& named = candidates.back();
    const bool one = candidates.size() < 2 || candidates[candidates.size() - 2].last != named.last;
    named_group = one && !named.blocked && session.is_group(named);
  }
  OpenList opened{
      list_anchor(w.text, w.buffer, i, trigger->naming, named_group), w.base + i + trigger->length, {}, {}};
  if (opened.anchor == ListAnchor::None) return false;
  if (opened.anchor == ListAnchor::Group) opened.group = candidates.back().id;
  if (opened.anchor == ListAnchor::Name) {
    const std::size_t first = name_before(w.text, w.buffer, i);
    opened.names.push_back(pending_name(session, first, i - first));
  }
  for (std::size_t k = i + 1; k < i + trigger->length; ++k)
    session.note_context(k);
  session.skip_to(i + trigger->length);
  list_ = std::move(opened);
  return true;
}

// At the end of a list, its unknown names become candidates for the known group it named, or,
// after a group word, for a new group named by the first of them.
void AliasListReader::close_list(TaggerSession& session) {
  OpenList closed = std::move(*list_);
  list_.reset();
  if (closed.names.empty()) return;
  std::string id = closed.group;
  if (id.empty() && closed.anchor != ListAnchor::GroupWord) return;
  if (id.empty()) {
    std::vector<std::string> aliases;
    for (std::size_t k = 1; k < closed.names.size(); ++k)
      aliases.push_back(closed.names[k].first.surface);
    id = session.define_group(closed.names.front().first.surface, std::move(aliases));
  }
  for (auto& [candidate, terms] : closed.names) {
    candidate.id = id;
    session.candidates().push_back(std::move(candidate));
    listed_names_.remember(std::move(terms), id);
  }
}

std::optional<std::pair<std::string, std::size_t>> AliasListReader::local_name(TaggerSession& session,
                                                                               std::size_t i) const {
  const TokenWindow& w = session.window();
  return listed_names_.find(w.text, w.buffer, i);
}

}  // namespace dossier::analysis
