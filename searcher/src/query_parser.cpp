#include "dossier/searcher/query_parser.h"

#include <algorithm>
#include <cctype>

#include "dossier/analysis/utf8.h"
#include "dossier/searcher/search_errors.h"
#include "edit_distance.h"

namespace dossier::searcher {
namespace {

// Deeper nesting than this is refused rather than risking the stack on hostile input.
constexpr int kMaxDepth = 200;

constexpr std::string_view kOpenQuote = "\u201C";   // “
constexpr std::string_view kCloseQuote = "\u201D";  // ”

struct Lexeme {
  enum class Type { Word, Phrase, LParen, RParen, And, Or, Not, Minus, Field, Near, Adjacent, End };
  Type type = Type::End;
  std::string text;
  std::size_t offset = 0;    // byte offset in the query
  std::size_t distance = 0;  // Near and Adjacent: the n of NEAR/n, clamped
};

// `name` in ASCII lower case: field names are case-insensitive ("Country:NO").
std::string lower_ascii(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

bool is_field(std::string_view name) noexcept {
  for (std::string_view field : kQueryFields) {
    if (name == field) return true;
  }
  return false;
}

bool is_ascii_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether `word`, whose first colon is at `colon`, reads as `name:value` with a field name that
// is not one (`autor:Britt`, `foo:bar`, `autor:` glued to a phrase or group): a name of two or
// more ASCII letters and a value without the marks of text that merely holds a colon: a time
// (10:30) or IPv6 address (2001:db8::1) has digits in its name, a drive (C:\path) one letter, a
// URL (http://x), an identifier (urn:isbn:1, Trojan:Win32/Emotet) or an e-mail address more
// colons, slashes, backslashes or an @, and a label ("Summary:", "permutation:,") no letter or
// digit glued after it.
bool looks_like_field(std::string_view word, std::size_t colon, bool glued_to_group) noexcept {
  const std::string_view name = word.substr(0, colon);
  const std::string_view value = word.substr(colon + 1);
  if (name.size() < 2 || !std::all_of(name.begin(), name.end(), is_ascii_letter)) return false;
  if (value.empty()) return glued_to_group;
  // A value starts with a letter or digit ("permutation:," is a word and a comma).
  const auto first = static_cast<unsigned char>(value.front());
  if (first < 0x80 && !std::isalnum(first)) return false;
  return value.find_first_of(":/\\@") == std::string_view::npos;
}

// "unknown field 'autor:' (did you mean author:?) ...": names the fields and how to search text.
std::string unknown_field_message(std::string_view word, std::size_t colon) {
  const std::string name = lower_ascii(word.substr(0, colon));
  std::string message = "unknown field '" + std::string(word.substr(0, colon)) + ":'";
  std::string_view nearest;
  std::size_t best = name.size() >= 5 ? 3 : 2;  // at most two edits away, one for short names
  for (std::string_view field : kQueryFields) {
    const std::size_t distance = levenshtein(std::string_view(name), field);
    if (distance < best) best = distance, nearest = field;
  }
  if (!nearest.empty()) message += " (did you mean '" + std::string(nearest) + ":'?)";
  message += "; the fields are";
  for (std::string_view field : kQueryFields)
    message += std::string(field == kQueryFields[0] ? " " : ", ") + std::string(field) + ":";
  return message + "; to search for the text, quote it: \"" + std::string(word) + "\"";
}

// Length of a quote character at `i` (", “ or ”), or 0.
std::size_t quote_length(std::string_view s, std::size_t i) noexcept {
  if (s[i] == '"') return 1;
  const std::string_view rest = s.substr(i);
  if (rest.starts_with(kOpenQuote) || rest.starts_with(kCloseQuote)) return kOpenQuote.size();
  return 0;
}

class Lexer {
 public:
  explicit Lexer(std::string_view query) : query_(query) {}

  std::size_t column(std::size_t offset) const noexcept {
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < query_.size(); ++i) {
      if ((static_cast<unsigned char>(query_[i]) & 0xC0) != 0x80) ++column;
    }
    return column;
  }

  Lexeme next() {
    // Any white space separates words (U+00A0 and U+202F from a pasted French text, U+3000...).
    while (const std::size_t space = analysis::white_space_length(query_, pos_))
      pos_ += space;
    const std::size_t start = pos_;
    if (pos_ == query_.size()) return {Lexeme::Type::End, {}, start};
    const char c = query_[pos_];
    if (c == '(') return ++pos_, Lexeme{Lexeme::Type::LParen, "(", start};
    if (c == ')') return ++pos_, Lexeme{Lexeme::Type::RParen, ")", start};
    if (const std::size_t quote = quote_length(query_, pos_)) return phrase(start, quote);
    if (c == '-' && pos_ + 1 < query_.size() && analysis::white_space_length(query_, pos_ + 1) == 0 &&
        query_[pos_ + 1] != ')') {
      return ++pos_, Lexeme{Lexeme::Type::Minus, "-", start};
    }
    while (pos_ < query_.size() && analysis::white_space_length(query_, pos_) == 0 && query_[pos_] != '(' &&
           query_[pos_] != ')' && quote_length(query_, pos_) == 0) {
      ++pos_;
    }
    std::string word(query_.substr(start, pos_ - start));
    if (const std::size_t colon = word.find(':'); colon != std::string::npos) {
      std::string name = lower_ascii(word.substr(0, colon));
      if (is_field(name)) {
        pos_ = start + colon + 1;  // what follows the colon is lexed on its own: a word, phrase or group
        return {Lexeme::Type::Field, std::move(name), start};
      }
      const bool glued_to_group =
          pos_ < query_.size() && (query_[pos_] == '(' || quote_length(query_, pos_) > 0);
      if (looks_like_field(word, colon, glued_to_group)) {
        throw QuerySyntaxError(unknown_field_message(word, colon), column(start));
      }
    }
    if (word == "AND") return {Lexeme::Type::And, std::move(word), start};
    if (word == "OR") return {Lexeme::Type::Or, std::move(word), start};
    if (word == "NOT") return {Lexeme::Type::Not, std::move(word), start};
    if (word.starts_with("NEAR/")) return proximity(Lexeme::Type::Near, std::move(word), start);
    if (word.starts_with("ADJ/")) return proximity(Lexeme::Type::Adjacent, std::move(word), start);
    return {Lexeme::Type::Word, std::move(word), start};
  }

 private:
  // "NEAR/5", "ADJ/0": the digits after the slash, clamped to kMaxDistance.
  Lexeme proximity(Lexeme::Type type, std::string word, std::size_t start) const {
    const std::size_t slash = word.find('/');
    const std::string_view digits = std::string_view(word).substr(slash + 1);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) {
      throw QuerySyntaxError("'" + word.substr(0, slash + 1) + "' needs a number of words, as in '" +
                                 word.substr(0, slash + 1) + "5'",
                             column(start + slash + 1));
    }
    std::size_t distance = 0;
    for (char digit : digits)
      distance = std::min(kMaxDistance, distance * 10 + static_cast<std::size_t>(digit - '0'));
    Lexeme lexeme{type, word.substr(0, slash + 1) + std::to_string(distance), start, distance};
    return lexeme;
  }

  Lexeme phrase(std::size_t start, std::size_t quote) {
    pos_ += quote;
    const std::size_t body = pos_;
    while (pos_ < query_.size()) {
      if (const std::size_t close = quote_length(query_, pos_)) {
        std::string text(query_.substr(body, pos_ - body));
        pos_ += close;
        return {Lexeme::Type::Phrase, std::move(text), start};
      }
      ++pos_;
    }
    throw QuerySyntaxError("unterminated '\"'", column(start));
  }

  std::string_view query_;
  std::size_t pos_ = 0;
};

class Parser {
 public:
  explicit Parser(std::string_view query) : lexer_(query) { advance(); }

  QueryNode parse() {
    if (current_.type == Lexeme::Type::End) throw QuerySyntaxError("empty query", 1);
    QueryNode node = or_expr(0);
    if (current_.type == Lexeme::Type::RParen) throw error("unbalanced ')'");
    return node;
  }

 private:
  void advance() { current_ = lexer_.next(); }

  QuerySyntaxError error(const std::string& message) const {
    return QuerySyntaxError(message, lexer_.column(current_.offset));
  }

  bool starts_operand() const noexcept {
    switch (current_.type) {
      case Lexeme::Type::Word:
      case Lexeme::Type::Phrase:
      case Lexeme::Type::LParen:
      case Lexeme::Type::Not:
      case Lexeme::Type::Minus:
      case Lexeme::Type::Field:
        return true;
      default:
        return false;
    }
  }

  // Folds `a OP b OP c` into one node with all operands.
  QueryNode binary(QueryNode::Kind kind, Lexeme::Type op, int depth, QueryNode (Parser::*operand)(int)) {
    QueryNode first = (this->*operand)(depth);
    if (current_.type != op) return first;
    QueryNode node{kind, {}, {}, first.column};
    node.children.push_back(std::move(first));
    while (current_.type == op) {
      const Lexeme op_lexeme = current_;
      advance();
      if (!starts_operand()) {
        throw QuerySyntaxError("'" + op_lexeme.text + "' needs a term after it",
                               lexer_.column(op_lexeme.offset));
      }
      node.children.push_back((this->*operand)(depth));
    }
    return node;
  }

  QueryNode or_expr(int depth) {
    return binary(QueryNode::Kind::Or, Lexeme::Type::Or, depth, &Parser::and_expr);
  }
  QueryNode and_expr(int depth) {
    return binary(QueryNode::Kind::And, Lexeme::Type::And, depth, &Parser::sequence);
  }

  QueryNode sequence(int depth) {
    if (current_.type == Lexeme::Type::And || current_.type == Lexeme::Type::Or || is_proximity(current_)) {
      throw error("'" + current_.text + "' needs a term before it");
    }
    QueryNode first = unary(depth);
    if (!starts_operand()) return first;
    QueryNode node{QueryNode::Kind::Sequence, {}, {}, first.column};
    node.children.push_back(std::move(first));
    while (starts_operand())
      node.children.push_back(unary(depth));
    return node;
  }

  QueryNode unary(int depth) {
    if (depth > kMaxDepth) throw error("query nested too deeply");
    if (current_.type == Lexeme::Type::Not || current_.type == Lexeme::Type::Minus) {
      const Lexeme op = current_;
      advance();
      if (!starts_operand() || (op.type == Lexeme::Type::Minus && current_.type == Lexeme::Type::Not)) {
        throw QuerySyntaxError("'" + op.text + "' needs a term after it", lexer_.column(op.offset));
      }
      QueryNode node{QueryNode::Kind::Not, {}, {}, lexer_.column(op.offset)};
      node.children.push_back(op.type == Lexeme::Type::Minus ? near(depth + 1) : unary(depth + 1));
      return node;
    }
    return near(depth);
  }

  static bool is_proximity(const Lexeme& lexeme) noexcept {
    return lexeme.type == Lexeme::Type::Near || lexeme.type == Lexeme::Type::Adjacent;
  }

  static bool is_positional(const QueryNode& node) noexcept {
    return node.kind == QueryNode::Kind::Word || node.kind == QueryNode::Kind::Phrase;
  }

  // `a NEAR/n b ADJ/m c` is refused: one window per chain.
  QueryNode near(int depth) {
    QueryNode first = atom(depth);
    if (!is_proximity(current_)) return first;
    const Lexeme op = current_;
    if (!is_positional(first)) throw error("'" + op.text + "' needs a word or a phrase before it");
    QueryNode node{op.type == Lexeme::Type::Near ? QueryNode::Kind::Near : QueryNode::Kind::Adjacent,
                   {},
                   {},
                   first.column,
                   op.distance};
    node.children.push_back(std::move(first));
    while (is_proximity(current_)) {
      if (current_.text != op.text) {
        throw error("'" + current_.text + "' cannot follow '" + op.text + "' in one chain");
      }
      const Lexeme this_op = current_;
      advance();
      if (current_.type != Lexeme::Type::Word && current_.type != Lexeme::Type::Phrase) {
        throw QuerySyntaxError("'" + this_op.text + "' needs a word or a phrase after it",
                               lexer_.column(this_op.offset));
      }
      QueryNode operand = atom(depth);
      if (!is_positional(operand)) {
        throw QuerySyntaxError("'" + this_op.text + "' cannot take a wildcard", operand.column);
      }
      node.children.push_back(std::move(operand));
    }
    return node;
  }

  QueryNode atom(int depth) {
    const Lexeme lexeme = current_;
    const std::size_t column = lexer_.column(lexeme.offset);
    switch (lexeme.type) {
      case Lexeme::Type::Word: {
        advance();
        const std::size_t stem = lexeme.text.find_last_not_of('*');
        if (stem != std::string::npos && stem + 1 < lexeme.text.size()) {
          return {QueryNode::Kind::Wildcard, lexeme.text.substr(0, stem + 1), {}, column};
        }
        return {QueryNode::Kind::Word, lexeme.text, {}, column};
      }
      case Lexeme::Type::Phrase:
        advance();
        return {QueryNode::Kind::Phrase, lexeme.text, {}, column};
      case Lexeme::Type::LParen: {
        advance();
        if (current_.type == Lexeme::Type::RParen) throw QuerySyntaxError("empty parentheses", column);
        if (current_.type == Lexeme::Type::End) throw QuerySyntaxError("unbalanced '('", column);
        QueryNode inner = or_expr(depth + 1);
        if (current_.type != Lexeme::Type::RParen) throw QuerySyntaxError("unbalanced '('", column);
        advance();
        return inner;
      }
      case Lexeme::Type::Field:
        return field(lexeme, column, depth);
      case Lexeme::Type::RParen:
        throw error("unbalanced ')'");
      default:
        throw error("'" + lexeme.text + "' needs a term after it");
    }
  }

  // `name:` applies to the word, phrase or group glued to it.
  QueryNode field(const Lexeme& lexeme, std::size_t column, int depth) {
    advance();
    const bool glued = current_.offset == lexeme.offset + lexeme.text.size() + 1;
    const bool operand = current_.type == Lexeme::Type::Word || current_.type == Lexeme::Type::Phrase ||
                         current_.type == Lexeme::Type::LParen;
    if (!glued || !operand) {
      throw QuerySyntaxError("'" + lexeme.text + ":' needs a word, a phrase or a group after it", column);
    }
    QueryNode node{QueryNode::Kind::Field, lexeme.text, {}, column};
    node.children.push_back(atom(depth + 1));
    return node;
  }

  Lexer lexer_;
  Lexeme current_;
};

void render(const QueryNode& node, std::string& out) {
  switch (node.kind) {
    case QueryNode::Kind::Word:
      out += "word:" + node.text;
      return;
    case QueryNode::Kind::Phrase:
      out += "phrase:\"" + node.text + "\"";
      return;
    case QueryNode::Kind::Wildcard:
      out += "wildcard:" + node.text + "*";
      return;
    case QueryNode::Kind::Near:
      out += "NEAR/" + std::to_string(node.distance) + "(";
      break;
    case QueryNode::Kind::Adjacent:
      out += "ADJ/" + std::to_string(node.distance) + "(";
      break;
    case QueryNode::Kind::And:
      out += "AND(";
      break;
    case QueryNode::Kind::Or:
      out += "OR(";
      break;
    case QueryNode::Kind::Sequence:
      out += "SEQ(";
      break;
    case QueryNode::Kind::Not:
      out += "NOT(";
      break;
    case QueryNode::Kind::Field:
      out += node.text + ":(";
      break;
  }
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (i > 0) out += ", ";
    render(node.children[i], out);
  }
  out += ")";
}

}  // namespace

QueryNode parse_query(std::string_view query) {
  const std::string text = analysis::repair_utf8(query);
  return Parser(text).parse();
}

std::string to_string(const QueryNode& node) {
  std::string out;
  render(node, out);
  return out;
}

}  // namespace dossier::searcher
