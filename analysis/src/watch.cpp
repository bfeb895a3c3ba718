#include "dossier/analysis/watch.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "dossier/analysis/schema.h"
#include "dossier/analysis/utf8.h"

namespace dossier::analysis {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> strings_of(const Json& json, const char* field) {
  std::vector<std::string> values;
  for (const Json& value : json.at(field))
    values.push_back(value.get<std::string>());
  return values;
}

}  // namespace

std::string watch_name_problem(std::string_view name) {
  if (name.empty()) return "a watch needs a name";
  if (name.size() > kMaxWatchNameBytes)
    return "a watch name has at most " + std::to_string(kMaxWatchNameBytes) + " bytes";
  if (!is_valid_utf8(name)) return "a watch name must be UTF-8 text";
  for (const unsigned char byte : name) {
    if (byte < 0x20 || byte == 0x7F) return "a watch name must not hold control characters";
  }
  return "";
}

std::string watch_problem(const Watch& watch) {
  if (std::string problem = watch_name_problem(watch.name); !problem.empty()) return problem;
  const bool blank = watch.query.find_first_not_of(" \t") == std::string::npos;
  if (blank && watch.countries.empty() && watch.actors.empty())
    return "a watch needs query words, or a --country or --actor to keep";
  return "";
}

std::string watch_key(std::string_view name) {
  return schema::prefixed(schema::kWatchKeyPrefix, name);
}

std::string encode_watch(const Watch& watch) {
  const Json json = {{"name", watch.name},
                     {"query", watch.query},
                     {"countries", watch.countries},
                     {"actors", watch.actors},
                     {"any", watch.any},
                     {"created", watch.created},
                     {"reported_until_ns", watch.reported_until_ns ? Json(*watch.reported_until_ns) : Json()},
                     {"last_run", watch.last_run}};
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<Watch> decode_watch(std::string_view text) {
  try {
    const Json json = Json::parse(text);
    Watch watch;
    watch.name = json.at("name").get<std::string>();
    watch.query = json.at("query").get<std::string>();
    watch.countries = strings_of(json, "countries");
    watch.actors = strings_of(json, "actors");
    watch.any = json.at("any").get<bool>();
    watch.created = json.at("created").get<std::string>();
    const Json& until = json.at("reported_until_ns");
    if (!until.is_null()) {
      // A fraction, or a whole number past int64 (JSON has both), is no time this program wrote;
      // converting it would be undefined behaviour.
      const bool fits =
          until.is_number_unsigned()
              ? until.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<std::int64_t>::max())
              : until.is_number_integer();
      if (!fits) return std::nullopt;
      watch.reported_until_ns = until.get<std::int64_t>();
    }
    watch.last_run = json.at("last_run").get<std::string>();
    return watch;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

}  // namespace dossier::analysis
