#include "dossier/server/result_cache.h"

#include <catch2/catch.hpp>

using dossier::server::cache_key;
using dossier::server::QueryParams;
using dossier::server::ResultCache;

TEST_CASE("a kept answer is given for its revision only", "[result_cache]") {
  ResultCache cache(1 << 20);
  cache.store("k", "r1", "{\"a\":1}");
  CHECK(cache.find("k", "r1") == "{\"a\":1}");
  CHECK_FALSE(cache.find("k", "r2"));  // a commit landed: stale, and dropped
  CHECK_FALSE(cache.find("k", "r1"));
  CHECK_FALSE(cache.find("other", "r1"));
  CHECK(cache.hits() == 1);
  CHECK(cache.misses() == 3);
}

TEST_CASE("without a revision nothing is kept or found", "[result_cache]") {
  ResultCache cache(1 << 20);
  cache.store("k", "", "body");
  CHECK_FALSE(cache.find("k", ""));
}

TEST_CASE("the least recently used answers make room for new ones", "[result_cache]") {
  ResultCache cache(400);
  const std::string body(90, 'x');  // 91 bytes with its key
  cache.store("a", "r", body);
  cache.store("b", "r", body);
  cache.store("c", "r", body);
  CHECK(cache.find("a", "r"));  // a is now the most recent
  cache.store("d", "r", body);
  cache.store("e", "r", body);  // 5 x 91 > 400: b, the least recent, goes
  CHECK_FALSE(cache.find("b", "r"));
  CHECK(cache.find("a", "r"));
  CHECK(cache.find("e", "r"));
  cache.store("big", "r", std::string(200, 'y'));  // over a quarter of the cache: not kept
  CHECK_FALSE(cache.find("big", "r"));
}

TEST_CASE("a zero-sized cache keeps nothing", "[result_cache]") {
  ResultCache cache(0);
  cache.store("k", "r", "x");
  CHECK_FALSE(cache.find("k", "r"));
}

TEST_CASE("cache keys ignore parameter order and never confuse values", "[result_cache]") {
  const QueryParams ab{{"country", "NO"}, {"q", "x"}, {"country", "CN"}};
  const QueryParams ba{{"q", "x"}, {"country", "CN"}, {"country", "NO"}};
  CHECK(cache_key("/api/search", ab) == cache_key("/api/search", ba));
  CHECK(cache_key("/api/search", {{"q", "a&b"}}) != cache_key("/api/search", {{"q", "a"}, {"b", ""}}));
  CHECK(cache_key("/api/search", {{"q", "x"}}) != cache_key("/api/similar/1", {{"q", "x"}}));
}
