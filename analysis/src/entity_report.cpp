#include "dossier/analysis/entity_report.h"

#include "dossier/analysis/printable.h"

namespace dossier::analysis {

EntityReport make_entity_report(const DocumentEntities& entities, const Gazetteer& gazetteer) {
  EntityReport report;
  for (const EntityMentions& c : entities.countries) {
    const Country* country = gazetteer.country(c.id);
    report.countries.push_back(
        {c.id, country ? country->name : c.id, c.mentions, {c.surfaces.begin(), c.surfaces.end()}});
  }
  for (const EntityMentions& a : entities.actors) {
    const Actor* actor = gazetteer.actor(a.id);
    for (const Actor& defined : entities.defined_actors) {
      if (defined.id == a.id) actor = &defined;
    }
    ActorReport entry{a.id, a.id, ActorKind::Unknown, {}, a.mentions, {a.surfaces.begin(), a.surfaces.end()}};
    if (actor) {
      entry.name = actor->name;
      entry.kind = actor->kind;
      entry.country = actor->country;
    }
    report.actors.push_back(std::move(entry));
  }
  return report;
}

nlohmann::ordered_json to_json(const EntityReport& report) {
  nlohmann::ordered_json countries = nlohmann::ordered_json::array();
  for (const CountryReport& c : report.countries) {
    countries.push_back(
        {{"code", c.code}, {"name", c.name}, {"mentions", c.mentions}, {"surfaces", c.surfaces}});
  }
  nlohmann::ordered_json actors = nlohmann::ordered_json::array();
  for (const ActorReport& a : report.actors) {
    actors.push_back({{"id", a.id},
                      {"name", a.name},
                      {"kind", actor_kind_name(a.kind)},
                      {"country", a.country},
                      {"mentions", a.mentions},
                      {"surfaces", a.surfaces}});
  }
  return {{"countries", std::move(countries)}, {"actors", std::move(actors)}};
}

std::string to_text(const EntityReport& report) {
  std::string out = "countries:";
  for (std::size_t i = 0; i < report.countries.size(); ++i) {
    const CountryReport& c = report.countries[i];
    out += (i == 0 ? " " : ", ") + printable(c.name) + " (" + c.code + ") " + std::to_string(c.mentions);
  }
  out += report.countries.empty() ? " none\n" : "\n";
  out += "actors:";
  out += report.actors.empty() ? " none\n" : "\n";
  for (const ActorReport& a : report.actors) {
    out += "  " + printable(a.name) + " [" + std::string(actor_kind_name(a.kind)) +
           (a.country.empty() ? "" : ", " + a.country) + "] " + std::to_string(a.mentions) + "\n";
  }
  return out;
}

}  // namespace dossier::analysis
