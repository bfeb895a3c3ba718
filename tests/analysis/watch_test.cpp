// How a saved watch is stored in the index's metadata, and which names it may have.
#include "dossier/analysis/watch.h"

#include <catch2/catch.hpp>
#include <limits>

using dossier::analysis::decode_watch;
using dossier::analysis::encode_watch;
using dossier::analysis::Watch;
using dossier::analysis::watch_key;
using dossier::analysis::watch_name_problem;

TEST_CASE("a watch comes back from its stored form field for field", "[analysis][watch]") {
  Watch watch;
  watch.name = "APT40 in Norway";
  watch.query = "APT40 -training \"port authority\"";
  watch.countries = {"Norway", "SE"};
  watch.actors = {"Ministry of State Security"};
  watch.any = true;
  watch.created = "2026-12-02T10:00:00Z";
  watch.reported_until_ns = -5;
  watch.last_run = "2026-12-02T11:00:00Z";
  const auto back = decode_watch(encode_watch(watch));
  REQUIRE(back);
  CHECK(back->name == watch.name);
  CHECK(back->query == watch.query);
  CHECK(back->countries == watch.countries);
  CHECK(back->actors == watch.actors);
  CHECK(back->any);
  CHECK(back->created == watch.created);
  CHECK(back->reported_until_ns == -5);
  CHECK(back->last_run == watch.last_run);
}

TEST_CASE("a watch never run has no reported time after its round trip", "[analysis][watch]") {
  Watch watch;
  watch.name = "w";
  watch.query = "x";
  const auto back = decode_watch(encode_watch(watch));
  REQUIRE(back);
  CHECK_FALSE(back->reported_until_ns);
  CHECK(back->last_run.empty());
}

TEST_CASE("a damaged or foreign stored watch is refused, not half read", "[analysis][watch]") {
  CHECK_FALSE(decode_watch(""));
  CHECK_FALSE(decode_watch("{\"name\": \"w\"}"));
  CHECK_FALSE(
      decode_watch("{\"name\": 3, \"query\": \"\", \"countries\": [], \"actors\": [], \"any\": false, "
                   "\"created\": \"\", \"reported_until_ns\": null, \"last_run\": \"\"}"));
  CHECK_FALSE(decode_watch("\xff\xfe"));
}

TEST_CASE("a stored watch whose reported time is no 64-bit whole number is refused", "[analysis][watch]") {
  const auto with_until = [](const std::string& until) {
    return decode_watch(
        "{\"name\": \"w\", \"query\": \"q\", \"countries\": [], \"actors\": [], \"any\": false, "
        "\"created\": \"\", \"reported_until_ns\": " +
        until + ", \"last_run\": \"\"}");
  };
  // Found by the watch_codec fuzz target: 3.2e19 overflowed the conversion to int64.
  CHECK_FALSE(with_until("31764692145000000000"));
  CHECK_FALSE(with_until("1.5"));
  CHECK_FALSE(with_until("1e300"));
  CHECK(with_until("9223372036854775807")->reported_until_ns == std::numeric_limits<std::int64_t>::max());
  CHECK(with_until("-5")->reported_until_ns == -5);
}

TEST_CASE("fields a later version adds to a stored watch are ignored", "[analysis][watch]") {
  const auto watch = decode_watch(
      "{\"name\": \"w\", \"query\": \"q\", \"countries\": [], \"actors\": [], \"any\": false, \"created\": "
      "\"c\", \"reported_until_ns\": 7, \"last_run\": \"\", \"colour\": \"red\"}");
  REQUIRE(watch);
  CHECK(watch->reported_until_ns == 7);
}

TEST_CASE("a watch name must be short printable UTF-8 text", "[analysis][watch]") {
  CHECK(watch_name_problem("APT40 in Norway").empty());
  CHECK(watch_name_problem("Überwachung").empty());
  CHECK_FALSE(watch_name_problem("").empty());
  CHECK_FALSE(watch_name_problem(std::string(101, 'a')).empty());
  CHECK(watch_name_problem(std::string(100, 'a')).empty());
  CHECK_FALSE(watch_name_problem("a\nb").empty());
  CHECK_FALSE(watch_name_problem("bad\xff").empty());
  CHECK(watch_key("w") == "dossier.watch.w");
}

TEST_CASE("a watch with nothing to match cannot be saved", "[analysis][watch]") {
  Watch watch;
  watch.name = "all";
  watch.query = " \t";
  CHECK(dossier::analysis::watch_problem(watch) ==
        "a watch needs query words, or a --country or --actor to keep");
  watch.countries = {"NO"};
  CHECK(dossier::analysis::watch_problem(watch).empty());
  watch.name = "";
  CHECK(dossier::analysis::watch_problem(watch) == watch_name_problem(""));
}
