#include "dossier/analysis/entity_tagger.h"

#include "dossier/analysis/language.h"
#include "tagger_session.h"

namespace dossier::analysis {

struct EntityTagger::Session::State {
  TaggerSession session;
};

EntityTagger::EntityTagger(const Gazetteer& gazetteer, const Analyzer& analyzer, TaggerOptions options)
    : gazetteer_(gazetteer), analyzer_(analyzer), options_(options), matcher_(gazetteer, analyzer) {}

EntityTagger::~EntityTagger() = default;

std::unique_ptr<EntityTagger::Session> EntityTagger::start(std::string_view text,
                                                           std::string_view language) const {
  return std::make_unique<Session>(*this, text, language);
}

DocumentEntities EntityTagger::tag(std::string_view text) const {
  return tag(text, detect_language(text).value_or("en"));
}

DocumentEntities EntityTagger::tag(std::string_view text, std::string_view language) const {
  Session session(*this, text, language);
  const std::string stemmer = language.empty() ? std::string("none") : std::string(language);
  analyzer_.for_each_token(text, stemmer, [&session](const Token& token) { session.feed(token); });
  return session.finish();
}

EntityTagger::Session::Session(const EntityTagger& tagger, std::string_view text, std::string_view language)
    : state_(std::make_unique<State>(State{TaggerSession(
          TaggerParts{tagger.gazetteer_, tagger.matcher_, tagger.options_}, text, language)})) {}

EntityTagger::Session::~Session() = default;

void EntityTagger::Session::feed(const Token& token) {
  state_->session.feed(token);
}

DocumentEntities EntityTagger::Session::finish() {
  return state_->session.finish();
}

}  // namespace dossier::analysis
