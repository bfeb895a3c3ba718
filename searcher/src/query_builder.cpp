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

// Where the words of the query are looked for.
enum class Field { Body, Title, Path, Type, Country, Actor };

Field field_named(const std::string& name) {
  if (name == "title") return Field::Title;
  if (name == "path") return Field::Path;
  if (name == "type") return Field::Type;
  if (name == "country") return Field::Country;
  return Field::Actor;
}

// A selection that must not change the ranking of what it selects.
Xapian::Query unweighted(const Xapian::Query& query) {
  return query.empty() ? query : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0);
}

Xapian::Query any_of(const std::vector<std::string>& terms) {
  std::vector<Xapian::Query> queries(terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

class Builder {
 public:
  Builder(const analysis::Analyzer& analyzer, DefaultOperator default_operator,
          const EntityResolver& resolver)
      : analyzer_(analyzer), default_operator_(default_operator), resolver_(resolver) {}

  // `collect` is false under a NOT: excluded terms are not highlighted.
  Xapian::Query build(const QueryNode& node, bool collect) {
    switch (node.kind) {
      case QueryNode::Kind::Word:
        return text(node.text, collect, false);
      case QueryNode::Kind::Phrase:
        return text(node.text, collect, true);
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
      case QueryNode::Kind::Field: {
        const Field outer = field_;
        field_ = field_named(node.text);
        Xapian::Query query = build(node.children.front(), collect);
        field_ = outer;
        return query;
      }
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

  Xapian::Query combine(const QueryNode& node, Xapian::Query::op op, bool collect) {
    std::vector<Xapian::Query> positives;
    std::vector<Xapian::Query> negatives;
    for (const QueryNode& child : node.children) {
      if (op != Xapian::Query::OP_OR && child.kind == QueryNode::Kind::Not) {
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

  // A word or phrase in the current field.
  Xapian::Query text(const std::string& text, bool collect, bool phrase) {
    switch (field_) {
      case Field::Body:
        return words(text, collect, phrase, "", schema::kStemPrefix);
      case Field::Title:
        return words(text, false, phrase, schema::kTitlePrefix, schema::kTitleStemPrefix);
      case Field::Path:
        return unweighted(path_words(text));
      case Field::Type:
        return unweighted(Xapian::Query(schema::prefixed(schema::kFormatPrefix, analyzer_.fold(text))));
      case Field::Country:
        return unweighted(entities(resolver_.resolve_country(text), schema::kCountryPrefix));
      case Field::Actor:
        return unweighted(entities(resolver_.resolve_actor(text), schema::kActorPrefix));
    }
    return {};
  }

  static Xapian::Query entities(const std::vector<std::string>& ids, std::string_view prefix) {
    std::vector<std::string> terms;
    for (const std::string& id : ids)
      terms.push_back(schema::prefixed(prefix, id));
    return any_of(terms);
  }

  Xapian::Query path_words(const std::string& text) const {
    std::vector<Xapian::Query> terms;
    analyzer_.for_each_token(text, "none", [&terms](const Token& token) {
      if (token.role == TokenRole::Primary)
        terms.emplace_back(schema::prefixed(schema::kPathPrefix, token.term));
    });
    return terms.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
  }

  std::vector<Token> primary_tokens(const std::string& text) const {
    std::vector<Token> tokens;
    analyzer_.for_each_token(text, analyzer_.options().default_language, [&tokens](const Token& token) {
      if (token.role == TokenRole::Primary) tokens.push_back(token);
    });
    return tokens;
  }

  // Words of the body (no prefix) or the title: one letter word matches its stem unless quoted;
  // several words, or a quoted phrase, match exactly and in order.
  Xapian::Query words(const std::string& text, bool collect, bool phrase, std::string_view prefix,
                      std::string_view stem_prefix) {
    const std::vector<Token> tokens = primary_tokens(text);
    if (tokens.empty()) return {};
    if (tokens.size() == 1 && !phrase && tokens.front().kind == TokenKind::Word) {
      if (collect) match_terms_.stems.insert(tokens.front().stem);
      return Xapian::Query(schema::prefixed(stem_prefix, tokens.front().stem));
    }
    std::vector<Xapian::Query> terms;
    std::vector<std::string> sequence;
    for (const Token& token : tokens) {
      terms.emplace_back(schema::prefixed(prefix, token.term));
      sequence.push_back(token.term);
    }
    if (collect && sequence.size() == 1) match_terms_.terms.insert(sequence.front());
    if (collect && sequence.size() > 1) match_terms_.phrases.push_back(std::move(sequence));
    if (terms.size() == 1) return terms.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         tokens.back().position - tokens.front().position + 1);
  }

  const analysis::Analyzer& analyzer_;
  DefaultOperator default_operator_;
  const EntityResolver& resolver_;
  Field field_ = Field::Body;
  MatchTerms match_terms_;
};

}  // namespace

BuiltQuery build_query(const QueryNode& tree, const analysis::Analyzer& analyzer,
                       DefaultOperator default_operator, const EntityResolver& resolver) {
  Builder builder(analyzer, default_operator, resolver);
  Xapian::Query query = builder.build(tree, true);
  if (query.empty()) throw QuerySyntaxError("nothing to search for in the query", tree.column);
  return {std::move(query), builder.take_match_terms()};
}

}  // namespace dossier::searcher
