// Aliases, spelling suggestions, output formats, counts, similar reports and explanations, through
// the real binary on the sample corpus and a small fixture.
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>

#include "dossier_runner.h"
#include "temp_dir.h"

using dossier::testing::corpus_db;
using dossier::testing::index_into;
using dossier::testing::json_of;
using dossier::testing::kCorpusDir;
using dossier::testing::ProcessSpec;
using dossier::testing::run_dossier;
using dossier::testing::TempDir;

namespace {

// A report that names APT28 only as "Fancy Bear", and one that names nobody.
const std::string& alias_db() {
  static const TempDir reports;
  static const TempDir index;
  static const std::string db = [] {
    reports.write("fancy-bear.txt",
                  "Phishing wave\nFancy Bear sent phishing mail to defence ministries across Europe.");
    reports.write("other.txt", "Weather notes\nA bear was seen near the coast.");
    return index_into(reports.path(), index);
  }();
  return db;
}

nlohmann::json search_json(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), "search");
  for (const char* extra : {"--db", db.c_str(), "--json"})
    args.emplace_back(extra);
  return json_of(run_dossier(args));
}

std::vector<std::string> names_of(const nlohmann::json& json) {
  std::vector<std::string> names;
  for (const auto& hit : json["hits"])
    names.push_back(std::filesystem::path(hit["path"].get<std::string>()).filename());
  return names;
}

// A terminal `columns` wide, without colour.
ProcessSpec plain_terminal(const std::string& columns) {
  ProcessSpec terminal;
  terminal.stdout_is_terminal = true;
  terminal.env["TERM"] = "xterm";
  terminal.env["NO_COLOR"] = "1";
  terminal.env["COLUMNS"] = columns;
  return terminal;
}

const std::string kSeed = "chinese-espionage-in-europe.txt";
const std::string kNorway = "norway-2024-threat-assessment.txt";

}  // namespace

TEST_CASE("APT28 finds a report that only says Fancy Bear, and names the alias that matched",
          "[e2e][aliases]") {
  const auto json = search_json(alias_db(), {"APT28"});
  CHECK(names_of(json) == std::vector<std::string>{"fancy-bear.txt"});
  REQUIRE(json["hits"].size() == 1);
  CHECK(json["hits"][0]["matched_aliases"] == nlohmann::json{"Fancy Bear"});
  CHECK(json["hits"][0]["snippet"].get<std::string>().find("<b>Fancy Bear</b>") != std::string::npos);
}

TEST_CASE("a report found through an alias ranks by the alias it uses", "[e2e][aliases]") {
  const auto json = search_json(alias_db(), {"APT28", "--explain"});
  REQUIRE(json["hits"].size() == 1);
  CHECK(json["hits"][0]["score"].get<double>() > 0);
  CHECK(json["explain"]["xapian"].get<std::string>().find("(fancy PHRASE 2 bear)") != std::string::npos);
}

TEST_CASE("the --exact flag turns alias expansion off", "[e2e][aliases]") {
  const auto result = run_dossier({"search", "APT28", "--exact", "--db", alias_db()});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
}

TEST_CASE("unquoted words naming an actor expand, a quoted phrase stays exact", "[e2e][aliases]") {
  CHECK(names_of(search_json(alias_db(), {"Sofacy"})) == std::vector<std::string>{"fancy-bear.txt"});
  CHECK(names_of(search_json(alias_db(), {"\"Sofacy\""})).empty());
}

TEST_CASE("espionnage suggests espionage, on stderr for text and in JSON", "[e2e][spelling]") {
  const auto text = run_dossier({"search", "espionnage", "--db", corpus_db()});
  CHECK(text.err == "did you mean: espionage\n");
  CHECK(search_json(corpus_db(), {"espionnage"})["suggestion"] == "espionage");
  // The query is never rewritten: the French report that says "l'espionnage" is what matched.
  CHECK(names_of(search_json(corpus_db(), {"espionnage"})) ==
        std::vector<std::string>{"fr-ingerence-etrangere-2024.md"});
}

TEST_CASE("a misspelt word among others is corrected in place", "[e2e][spelling]") {
  const auto json = search_json(corpus_db(), {"Chinese", "espoinage"});
  CHECK(json["total"] == 0);
  CHECK(json["suggestion"] == "Chinese espionage");
}

TEST_CASE("no suggestion for identifiers or for queries with enough matches", "[e2e][spelling]") {
  CHECK(search_json(corpus_db(), {"CVE-2023-27998"})["suggestion"].is_null());
  CHECK(search_json(corpus_db(), {"203.0.113.78"})["suggestion"].is_null());
  const auto common = run_dossier({"search", "espionage", "--db", corpus_db()});
  CHECK(common.err.empty());
}

namespace {

// Two reports naming the MIVD and Fortinet, five saying "mid", one naming Travelex and five
// "travel", botnets in three reports and "botnet" in six, only one of which names Norway.
const std::string& spelling_db() {
  static const TempDir reports;
  static const TempDir index;
  static const std::string db = [] {
    reports.write("mivd1.txt", "Dutch findings\nThe MIVD found malware on Fortinet devices.");
    reports.write("mivd2.txt", "Follow-up\nThe MIVD said the Fortinet flaw was patched.");
    reports.write("travelex.txt", "Currency exchange outage\nTravelex systems were encrypted by ransomware.");
    for (int i = 0; i < 5; ++i) {
      reports.write("mid" + std::to_string(i) + ".txt", "Note\nIn mid March staff travel was cut.");
    }
    for (int i = 0; i < 3; ++i)
      reports.write("botnets" + std::to_string(i) + ".txt", "Botnets\nBotnets grew this year.");
    reports.write("norway.txt", "Norway\nNorwegian police took down a botnet.");
    for (int i = 0; i < 5; ++i)
      reports.write("botnet" + std::to_string(i) + ".txt", "Botnet\nA botnet was found.");
    return index_into(reports.path(), index);
  }();
  return db;
}

}  // namespace

TEST_CASE("no suggestion for an acronym that matched, a word that matched, or because a filter cut the hits",
          "[e2e][spelling]") {
  const auto mivd = run_dossier({"search", "MIVD", "Fortinet", "--db", spelling_db()});
  CHECK(mivd.exit_code == 0);
  CHECK(mivd.err.empty());  // not "did you mean: mid Fortinet"
  const auto travelex = run_dossier({"search", "Travelex", "--db", spelling_db()});
  CHECK(travelex.exit_code == 0);
  CHECK(travelex.err.empty());  // not "did you mean: travel"
  const auto filtered = search_json(spelling_db(), {"botnets", "--country", "NO"});
  CHECK(filtered["total"] == 1);
  CHECK(filtered["suggestion"].is_null());  // botnets is in nine reports: the filter made it one
  // A real slip is still corrected, also with the filter.
  CHECK(search_json(spelling_db(), {"botnnets", "--country", "NO"})["suggestion"] == "botnets");
}

TEST_CASE("the --count flag prints the bare, exact number of matches", "[e2e][formats]") {
  const auto total = search_json(corpus_db(), {"espionage", "-n", "1"})["total"].get<std::size_t>();
  const auto count = run_dossier({"search", "espionage", "--count", "--db", corpus_db()});
  CHECK(count.exit_code == 0);
  CHECK(count.out == std::to_string(total) + "\n");
  CHECK(std::regex_match(count.out, std::regex("[0-9]+\n")));
  const auto none = run_dossier({"search", "zzzunknownzzz", "--count", "--db", corpus_db()});
  CHECK(none.exit_code == 1);
  CHECK(none.out == "0\n");
}

TEST_CASE("format paths prints one path per line, in rank order", "[e2e][formats]") {
  const auto json = search_json(corpus_db(), {"espionage"});
  std::string expected;
  for (const auto& hit : json["hits"])
    expected += hit["path"].get<std::string>() + "\n";
  const auto paths = run_dossier({"search", "espionage", "--format", "paths", "--db", corpus_db()});
  CHECK(paths.exit_code == 0);
  CHECK(paths.out == expected);
}

TEST_CASE("format jsonl prints each hit of the JSON output on its own line", "[e2e][formats]") {
  const auto json = search_json(corpus_db(), {"espionage"});
  const auto lines = run_dossier({"search", "espionage", "--format", "jsonl", "--db", corpus_db()}).out;
  std::vector<nlohmann::json> hits;
  std::size_t start = 0;
  for (std::size_t end = lines.find('\n'); end != std::string::npos; end = lines.find('\n', start)) {
    hits.push_back(nlohmann::json::parse(lines.substr(start, end - start)));
    start = end + 1;
  }
  REQUIRE(hits.size() == json["hits"].size());
  for (std::size_t i = 0; i < hits.size(); ++i)
    CHECK(hits[i] == json["hits"][i]);
}

TEST_CASE("JSON output carries a schema version", "[e2e][formats]") {
  CHECK(search_json(corpus_db(), {"espionage"})["version"] == 1);
}

TEST_CASE("similar on the first seed ranks the Norway report first and leaves the seed out",
          "[e2e][similar]") {
  const std::string seed = (kCorpusDir / kSeed).string();
  const auto similar = json_of(run_dossier({"similar", seed, "--db", corpus_db(), "--json"}));
  const auto names = names_of(similar);
  REQUIRE_FALSE(names.empty());
  CHECK(names.front() == kNorway);
  CHECK(std::find(names.begin(), names.end(), kSeed) == names.end());
  CHECK(names_of(search_json(corpus_db(), {"--like", seed})) == names);
}

TEST_CASE("search --like with words keeps only documents matching the words", "[e2e][similar]") {
  const std::string seed = (kCorpusDir / kSeed).string();
  CHECK(names_of(search_json(corpus_db(), {"botnet", "--like", seed})) == std::vector<std::string>{kNorway});
}

TEST_CASE("similar on a file that is not indexed exits 2 naming it", "[e2e][similar]") {
  const auto result = run_dossier({"similar", "/nowhere/report.txt", "--db", corpus_db()});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "error: not in the index: /nowhere/report.txt\n");
}

TEST_CASE("explain prints the parsed query and each hit's terms and weights", "[e2e][explain]") {
  const auto text = run_dossier({"search", "MIVD", "Fortinet", "--exact", "--explain", "--db", corpus_db()});
  CHECK(text.out.starts_with("query: SEQ(word:MIVD, word:Fortinet)\nxapian: Query("));
  CHECK(text.out.substr(0, text.out.find('\n', 40)).find("(Zmivd AND ") != std::string::npos);
  // The stems that matched, and the exact words the proximity boost looked for, each with a weight.
  CHECK(std::regex_search(text.out, std::regex("\n   terms: Zmivd [0-9.]+ .*Zfortinet [0-9.]+.*\n")));
  CHECK(std::regex_search(text.out, std::regex("\n   terms: .* mivd [0-9.]+.*\n")));
}

TEST_CASE("explain in JSON lists the actor filter term an alias added, with no weight", "[e2e][explain]") {
  const auto json = search_json(corpus_db(), {"MIVD", "--explain"});
  CHECK(json["explain"]["parsed"] == "word:MIVD");
  CHECK(json["explain"]["xapian"].get<std::string>().starts_with("Query(((Zmivd MAX (XAmivd-nl AND_MAYBE ("));
  std::map<std::string, double> weights;
  for (const auto& term : json["hits"][0]["explain"])
    weights[term["term"].get<std::string>()] = term["weight"].get<double>();
  REQUIRE(weights.contains("Zmivd"));
  REQUIRE(weights.contains("XAmivd-nl"));
  CHECK(weights["Zmivd"] > 0);
  CHECK(weights["XAmivd-nl"] == 0);
}

TEST_CASE("every output format piped to a file has no escape codes", "[e2e][formats]") {
  for (const char* format : {"text", "json", "jsonl", "paths"}) {
    const auto result = run_dossier({"search", "espionage", "--format", format, "--db", corpus_db()});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("a wide terminal shows rank, title, date, path, countries and actors on one line",
          "[e2e][formats]") {
  ProcessSpec terminal = plain_terminal("400");
  terminal.working_directory = kCorpusDir.parent_path().string();
  const auto result = run_dossier({"search", "MIVD", "Fortinet", "--db", corpus_db()}, terminal);
  const std::string first_line = result.out.substr(0, result.out.find('\n'));
  CHECK(first_line.starts_with("1. Covert Operations in Europe \u00b7 2024-03 \u00b7 corpus/" + kSeed +
                               " \u00b7 CN "));
  CHECK(first_line.find("Ministry of State Security") != std::string::npos);
}

TEST_CASE("search and similar --help document the new flags and JSON fields", "[e2e][formats]") {
  const auto help = run_dossier({"search", "--help"}).out;
  for (const char* text :
       {"--format", "jsonl", "paths", "--count", "--exact", "--like", "--explain", "NEAR/n", "ADJ/n",
        "espion*", "\"version\"", "\"suggestion\"", "\"matched_aliases\"", "did you mean"}) {
    CHECK(help.find(text) != std::string::npos);
  }
  CHECK(run_dossier({"similar", "--help"}).out.find("--format") != std::string::npos);
}

TEST_CASE("explain lists the words a wildcard matched and the terms similar used", "[e2e][explain]") {
  const auto wildcard = run_dossier({"search", "espion*", "--explain", "--db", corpus_db()});
  CHECK(wildcard.exit_code == 0);
  CHECK(wildcard.out.find("terms: none") == std::string::npos);
  CHECK(std::regex_search(wildcard.out, std::regex("\n   terms: .*espionage [0-9.]+")));
  CHECK(std::regex_search(wildcard.out,
                          std::regex("\n   terms: .*l'espionnage [0-9.]+|\n   terms: .*espionnage [0-9.]+")));

  const std::string seed = (kCorpusDir / kSeed).string();
  const auto similar = run_dossier({"similar", seed, "--explain", "--db", corpus_db()});
  CHECK(similar.exit_code == 0);
  CHECK(similar.out.starts_with("like: "));
  CHECK(similar.out.find("query: \n") == std::string::npos);
  const auto json = json_of(run_dossier({"similar", seed, "--explain", "--json", "--db", corpus_db()}));
  CHECK(json["explain"]["like_terms"].size() == 40);
  CHECK(json["explain"]["parsed"].is_null());
  CHECK_FALSE(json["hits"][0]["explain"].empty());
}

namespace {

// The display width of each line of `text` once colour codes are left out (every character of the
// corpus's titles and snippets is one column, except the Chinese report's, which is not searched).
std::vector<std::size_t> line_widths(const std::string& text) {
  std::vector<std::size_t> widths;
  for (std::size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();  // a terminal's line end
    std::size_t columns = 0;
    for (unsigned char c : line)
      columns += (c & 0xC0) != 0x80;  // code points
    widths.push_back(columns);
  }
  return widths;
}

}  // namespace

TEST_CASE("on a terminal, headlines and snippets wrap to COLUMNS and a footer tells the next page",
          "[e2e][formats]") {
  const ProcessSpec terminal = plain_terminal("60");
  const auto result = run_dossier({"search", "espionage", "-n", "1", "--db", corpus_db()}, terminal);
  CHECK(result.exit_code == 0);
  const auto widths = line_widths(result.out);
  REQUIRE(widths.size() > 4);
  for (const std::size_t width : widths)
    CHECK(width <= 60);
  const auto total = search_json(corpus_db(), {"espionage"})["total"].get<std::size_t>();
  REQUIRE(total > 1);
  CHECK(result.out.find("1-1 of " + std::to_string(total) + " (next: --offset 1)") != std::string::npos);
}

TEST_CASE("into a pipe, text is never wrapped and has no footer, whatever COLUMNS says", "[e2e][formats]") {
  ProcessSpec pipe;
  pipe.env["COLUMNS"] = "40";
  const auto result = run_dossier({"search", "MIVD", "Fortinet", "-n", "1", "--db", corpus_db()}, pipe);
  CHECK(result.exit_code == 0);
  const auto widths = line_widths(result.out);
  REQUIRE(widths.size() <= 3);  // one headline line, a snippet on at most two
  CHECK(widths.front() > 100);
  CHECK_FALSE(std::regex_search(result.out, std::regex("(^|\n)[0-9]+-[0-9]+ of [0-9]+")));
  CHECK(result.out.find("next: --offset") == std::string::npos);
}
