#include "dossier/analysis/entity.h"

#include <array>
#include <utility>

namespace dossier::analysis {
namespace {

constexpr std::array<std::pair<ActorKind, std::string_view>, 10> kKindNames = {{
    {ActorKind::ThreatGroup, "threat-group"},
    {ActorKind::IntelligenceAgency, "intelligence-agency"},
    {ActorKind::Government, "government"},
    {ActorKind::PoliticalParty, "political-party"},
    {ActorKind::Intergovernmental, "intergovernmental"},
    {ActorKind::Company, "company"},
    {ActorKind::SecurityVendor, "security-vendor"},
    {ActorKind::Ngo, "ngo"},
    {ActorKind::Media, "media"},
    {ActorKind::Unknown, "unknown"},
}};

}  // namespace

std::string_view actor_kind_name(ActorKind kind) noexcept {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::vector<ActorKind> actor_kinds() {
  std::vector<ActorKind> kinds;
  for (const auto& [kind, name] : kKindNames)
    kinds.push_back(kind);
  return kinds;
}

std::optional<ActorKind> parse_actor_kind(std::string_view name) noexcept {
  for (const auto& [kind, text] : kKindNames) {
    if (text == name) return kind;
  }
  return std::nullopt;
}

}  // namespace dossier::analysis
