#include "dossier/analysis/tokenizer.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "unicode_spaces.h"

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

TEST_CASE("every Unicode space separator and U+200B ends a word", "[tokenizer]") {
  const Tokenizer tokenizer;
  for (const auto& space : dossier::testing::word_separating_spaces()) {
    INFO(space.name);
    const std::string text = "Emotet" + space.utf8 + "and" + space.utf8 + "Dridex 2024" + space.utf8 + "03";
    const auto tokens = tokenizer.segment(text);
    std::vector<std::string> words;
    for (const auto& token : tokens)
      words.push_back(text.substr(token.begin, token.end - token.begin));
    CHECK(words == std::vector<std::string>{"Emotet", "and", "Dridex", "2024", "03"});
  }
}

TEST_CASE("a narrow no-break space around punctuation and guillemets leaves clean words", "[tokenizer]") {
  const Tokenizer tokenizer;
  const std::string text = "Qbot,\u202FIcedID\u202F; \u00AB\u202FEmotet\u202F\u00BB CVE-2021-44228\u202Fand";
  std::vector<std::string> words;
  for (const auto& token : tokenizer.segment(text))
    words.push_back(text.substr(token.begin, token.end - token.begin));
  CHECK(words == std::vector<std::string>{"Qbot", "IcedID", "Emotet", "CVE-2021-44228", "and"});
}
