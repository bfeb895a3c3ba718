#include "dossier/analysis/tokenizer.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

using dossier::analysis::Tokenizer;
using dossier::analysis::TokenKind;

TEST_CASE("rule statuses give each token its kind", "[tokenizer]") {
  const Tokenizer tokenizer;
  const std::string text = "Norway 2024 国家 カナ evil.example.com";
  const auto tokens = tokenizer.segment(text);
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].kind == TokenKind::Word);
  CHECK(tokens[1].kind == TokenKind::Number);
  CHECK(tokens[2].kind == TokenKind::Ideographic);
  CHECK(tokens[3].kind == TokenKind::Ideographic);
  CHECK(tokens[4].kind == TokenKind::Identifier);
  CHECK(tokens[4].identifier->canonical == "evil.example.com");
}

TEST_CASE("identifiers replace the words ICU would have split them into", "[tokenizer]") {
  const Tokenizer tokenizer;
  const auto tokens = tokenizer.segment("on 2001:db8::1 and CVE-2023-27997");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[1].kind == TokenKind::Identifier);
  CHECK(tokens[3].kind == TokenKind::Identifier);
}

TEST_CASE("one tokenizer can be used from several threads at once", "[tokenizer]") {
  const Tokenizer tokenizer;
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "word" + std::to_string(i) + " 国家安全部 ";
  const std::size_t expected = tokenizer.segment(text).size();
  std::vector<std::size_t> counts(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] { counts[t] = tokenizer.segment(text).size(); });
  }
  for (std::thread& thread : threads)
    thread.join();
  for (std::size_t count : counts)
    CHECK(count == expected);
}
