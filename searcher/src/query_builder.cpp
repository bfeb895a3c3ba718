#include "dossier/searcher/query_builder.h"

#include <vector>

#include "dossier/analysis/schema.h"
#include "dossier/searcher/search_errors.h"

namespace dossier::searcher {
namespace {

namespace schema = analysis::schema;
using analysis::Token;
using analysis::TokenKind;
using analysis::TokenRole;

class Builder {
 public:
  Builder(const analysis::Analyzer& analyzer, DefaultOperator default_operator)
      : analyzer_(analyzer), default_operator_(default_operator) {}

  // `collect` is false under a NOT: excluded terms are not highlighted.
  Xapian::Query build(const QueryNode& node, bool collect) {
    switch (node.kind) {
      case QueryNode::Kind::Word:
        return word(node.text, collect);
      case QueryNode::Kind::Phrase:
        return phrase(node.text, collect);
      case QueryNode::Kind::Or:
        return combine(node, Xapian::Query::OP_OR, collect);
      case QueryNode::Kind::And:
        return combine(node, Xapian::Query::OP_AND, collect);
      case QueryNode::Kind::Sequence:
        return combine(
            node, default_operator_ == DefaultOperator::And ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
            collect);
      case QueryNode::Kind::Not:
        return negate(build(node.children.front(), false));
    }
    return {};
  }

  MatchTerms take_match_terms() { return std::move(match_terms_); }

 private:
  // Exclusion from everything; `combine` turns `a AND (all AND_NOT b)` into `a AND_NOT b`.
  static Xapian::Query negate(const Xapian::Query& excluded) {
    if (excluded.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, excluded);
  }

  static bool is_negation(const QueryNode& node) noexcept { return node.kind == QueryNode::Kind::Not; }

  Xapian::Query combine(const QueryNode& node, Xapian::Query::op op, bool collect) {
    std::vector<Xapian::Query> positives;
    std::vector<Xapian::Query> negatives;
    for (const QueryNode& child : node.children) {
      if (op != Xapian::Query::OP_OR && is_negation(child)) {
        Xapian::Query excluded = build(child.children.front(), false);
        if (!excluded.empty()) negatives.push_back(std::move(excluded));
      } else {
        Xapian::Query query = build(child, collect);
        if (!query.empty()) positives.push_back(std::move(query));
      }
    }
    Xapian::Query result = positives.empty() ? (negatives.empty() ? Xapian::Query() : Xapian::Query::MatchAll)
                                             : Xapian::Query(op, positives.begin(), positives.end());
    if (negatives.empty()) return result;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, result,
                         Xapian::Query(Xapian::Query::OP_OR, negatives.begin(), negatives.end()));
  }

  std::vector<Token> primary_tokens(const std::string& text) const {
    std::vector<Token> tokens;
    analyzer_.for_each_token(text, analyzer_.options().default_language, [&tokens](const Token& token) {
      if (token.role == TokenRole::Primary) tokens.push_back(token);
    });
    return tokens;
  }

  Xapian::Query exact_sequence(const std::vector<Token>& tokens, bool collect) {
    std::vector<Xapian::Query> terms;
    std::vector<std::string> phrase;
    for (const Token& token : tokens) {
      terms.emplace_back(token.term);
      phrase.push_back(token.term);
    }
    if (collect && phrase.size() == 1) match_terms_.terms.insert(phrase.front());
    if (collect && phrase.size() > 1) match_terms_.phrases.push_back(std::move(phrase));
    if (terms.size() == 1) return terms.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         tokens.back().position - tokens.front().position + 1);
  }

  Xapian::Query word(const std::string& text, bool collect) {
    const std::vector<Token> tokens = primary_tokens(text);
    if (tokens.empty()) return {};
    if (tokens.size() > 1) return exact_sequence(tokens, collect);
    const Token& token = tokens.front();
    if (token.kind != TokenKind::Word) return exact_sequence(tokens, collect);
    if (collect) match_terms_.stems.insert(token.stem);
    return Xapian::Query(schema::prefixed(schema::kStemPrefix, token.stem));
  }

  Xapian::Query phrase(const std::string& text, bool collect) {
    const std::vector<Token> tokens = primary_tokens(text);
    if (tokens.empty()) return {};
    return exact_sequence(tokens, collect);
  }

  const analysis::Analyzer& analyzer_;
  DefaultOperator default_operator_;
  MatchTerms match_terms_;
};

}  // namespace

BuiltQuery build_query(const QueryNode& tree, const analysis::Analyzer& analyzer,
                       DefaultOperator default_operator) {
  Builder builder(analyzer, default_operator);
  Xapian::Query query = builder.build(tree, true);
  if (query.empty()) throw QuerySyntaxError("nothing to search for in the query", tree.column);
  return {std::move(query), builder.take_match_terms()};
}

}  // namespace dossier::searcher
