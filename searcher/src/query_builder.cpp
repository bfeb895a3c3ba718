#include "dossier/searcher/query_builder.h"

#include <algorithm>

#include "alias_expansion.h"
#include "dossier/analysis/document_date.h"
#include "dossier/analysis/entity_metadata.h"
#include "dossier/analysis/path_words.h"
#include "dossier/analysis/schema.h"
#include "dossier/analysis/stopwords.h"
#include "dossier/searcher/search_errors.h"
#include "proximity_boost.h"

namespace dossier::searcher {
namespace {

namespace schema = analysis::schema;
using analysis::Token;
using analysis::TokenKind;
using analysis::TokenRole;

// Where the words of the query are looked for.
enum class Field { Body, Title, Author, Path, Type, Language, Date, Country, Actor };

// Field names arrive in lower case (the parser folds `Country:` to `country:`).
Field field_named(const std::string& name) {
  static const std::pair<std::string_view, Field> kFields[] = {
      {"title", Field::Title},     {"author", Field::Author}, {"path", Field::Path},
      {"type", Field::Type},       {"lang", Field::Language}, {"date", Field::Date},
      {"country", Field::Country}, {"actor", Field::Actor}};
  for (const auto& [text, field] : kFields) {
    if (text == name) return field;
  }
  return Field::Body;
}

// A selection that must not change the ranking of what it selects.
Xapian::Query unweighted(const Xapian::Query& query) {
  return query.empty() ? query : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0);
}

Xapian::Query any_of(const std::vector<std::string>& terms, std::string_view prefix) {
  std::vector<Xapian::Query> queries;
  for (const std::string& term : terms)
    queries.emplace_back(schema::prefixed(prefix, term));
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

// "2024-01..2024-03", "2024..", "..2024-03-31", "2024-02": the days a date range covers, 0 for an
// open end; `std::nullopt` when either end is not an ISO date.
std::optional<std::pair<int, int>> parse_date_range(std::string_view text) {
  const std::size_t dots = text.find("..");
  const std::string_view from = dots == std::string_view::npos ? text : text.substr(0, dots);
  const std::string_view to = dots == std::string_view::npos ? text : text.substr(dots + 2);
  if (from.empty() && to.empty()) return std::nullopt;
  const auto first = from.empty() ? std::nullopt : analysis::parse_iso_date(from);
  const auto last = to.empty() ? std::nullopt : analysis::parse_iso_date(to);
  if ((!from.empty() && !first) || (!to.empty() && !last)) return std::nullopt;
  return std::pair{first ? first->first_day() : 0, last ? last->last_day() : 0};
}

class Builder {
 public:
  explicit Builder(const QueryContext& context) : context_(context), aliases_(context) {}

  // `collect` is false under a NOT: excluded terms are not highlighted.
  Xapian::Query build(const QueryNode& node, bool collect) {
    switch (node.kind) {
      case QueryNode::Kind::Word:
        if (node.text == "*" && field_ == Field::Body) return Xapian::Query::MatchAll;
        return text(node, collect, false);
      case QueryNode::Kind::Phrase:
        return text(node, collect, true);
      case QueryNode::Kind::Wildcard:
        return wildcard(node, collect);
      case QueryNode::Kind::Near:
      case QueryNode::Kind::Adjacent:
        return proximity(node, collect);
      case QueryNode::Kind::Or:
        return combine(node, Xapian::Query::OP_OR, collect);
      case QueryNode::Kind::And:
        return combine(node, Xapian::Query::OP_AND, collect);
      case QueryNode::Kind::Sequence:
        return sequence(node, collect);
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
  std::vector<std::string> take_alias_actors() { return std::move(alias_actors_); }
  std::vector<std::string> take_wildcards() { return std::move(wildcards_); }

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
  Xapian::Query text(const QueryNode& node, bool collect, bool phrase) {
    const std::string& text = node.text;
    switch (field_) {
      case Field::Body:
        if (phrase) return words(text, collect, true, "", schema::kStemPrefix);
        return with_aliases(text, collect, words(text, collect, false, "", schema::kStemPrefix));
      case Field::Title:
        return words(text, false, phrase, schema::kTitlePrefix, schema::kTitleStemPrefix);
      case Field::Author:
        return words(text, false, true, schema::kAuthorPrefix, schema::kAuthorPrefix);
      case Field::Path:
        return unweighted(path_words(text));
      case Field::Type:
        return unweighted(Xapian::Query(schema::prefixed(schema::kFormatPrefix, format_named(node))));
      case Field::Language:
        return unweighted(Xapian::Query(
            schema::prefixed(schema::kLanguagePrefix, context_.resolver.resolve_language(text))));
      case Field::Date:
        return date(node);
      case Field::Country:
        return unweighted(any_of(context_.resolver.resolve_country(text), schema::kCountryPrefix));
      case Field::Actor:
        return unweighted(any_of(context_.resolver.resolve_actor(text), schema::kActorPrefix));
    }
    return {};
  }

  // Juxtaposed words; words that together name an actor (`Fancy Bear`) also match it.
  Xapian::Query sequence(const QueryNode& node, bool collect) {
    const auto op =
        context_.default_operator == DefaultOperator::And ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
    Xapian::Query query = op == Xapian::Query::OP_OR ? combine(without_stopwords(node), op, collect)
                                                     : combine(node, op, collect);
    const double weight = op == Xapian::Query::OP_OR ? kRankedProximityWeight : kProximityWeight;
    if (const Xapian::Query boost = proximity_boost(placed_words(node), weight);
        !boost.empty() && !query.empty()) {
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost);
    }
    std::string name;
    for (const QueryNode& child : node.children) {
      if (child.kind != QueryNode::Kind::Word || field_ != Field::Body) return query;
      name += (name.empty() ? "" : " ") + child.text;
    }
    return with_aliases(name, collect, std::move(query));
  }

  // The words of a sequence of the text that a proximity boost can pair: one exact term each (a
  // letter word, number or identifier), function words left out but counted in the places; any
  // other operand (a phrase, a group, a field, a negation) separates the words before and after it
  // by more than `kNearWindow` places, so they never pair.
  std::vector<PlacedTerm> placed_words(const QueryNode& node) const {
    std::vector<PlacedTerm> placed;
    if (field_ != Field::Body) return placed;
    std::size_t place = 0;
    for (const QueryNode& child : node.children) {
      ++place;
      if (child.kind != QueryNode::Kind::Word || child.text == "*") {
        place += kNearWindow;
        continue;
      }
      const std::vector<Token> tokens = primary_tokens(child.text);
      if (tokens.size() != 1) {
        place += kNearWindow;
        continue;
      }
      if (analysis::is_query_stopword(tokens.front().term)) continue;
      placed.push_back({tokens.front().term, place});
    }
    return placed;
  }

  // A ranked (--any) sequence of words without its function words ("the", "of"), which match
  // almost everything and only blur the ranking; unchanged when it is nothing but such words.
  QueryNode without_stopwords(const QueryNode& node) const {
    if (field_ != Field::Body) return node;
    QueryNode kept = node;
    std::erase_if(kept.children, [this](const QueryNode& child) {
      return child.kind == QueryNode::Kind::Word &&
             analysis::is_query_stopword(context_.analyzer.fold(child.text));
    });
    return kept.children.empty() ? node : kept;
  }

  // `query`, or any document tagged with an actor `text` names (see `AliasExpansion`); under a NOT
  // the actors are not reported as matched.
  Xapian::Query with_aliases(const std::string& text, bool collect, Xapian::Query query) {
    std::vector<std::string> excluded;
    return aliases_.expand(text, std::move(query), collect ? alias_actors_ : excluded);
  }

  // The folded format `type:` names; throws for a format Dossier does not index.
  std::string format_named(const QueryNode& node) const {
    const std::string format = context_.analyzer.fold(node.text);
    for (std::string_view known : schema::kFormatNames) {
      if (format == known) return format;
    }
    std::string message = "unknown type '" + node.text + "' (the types are";
    for (std::string_view known : schema::kFormatNames)
      message += std::string(known == schema::kFormatNames[0] ? " " : ", ") + std::string(known);
    throw QuerySyntaxError(message + ")", node.column);
  }

  // The prefix of the current field's positional terms; throws for fields without positions.
  std::string_view positional_prefix(const QueryNode& node, const char* error) const {
    switch (field_) {
      case Field::Body:
        return "";
      case Field::Title:
        return schema::kTitlePrefix;
      case Field::Author:
        return schema::kAuthorPrefix;
      default:
        throw QuerySyntaxError(error, node.column);
    }
  }

  // The folded prefix of `espion*`: one word, or the start of an identifier (`CVE-2023-*`,
  // `evil.example.*`), folded whole as identifiers are indexed whole.
  std::string wildcard_stem(const QueryNode& node) const {
    const std::vector<Token> tokens = primary_tokens(node.text);
    if (tokens.size() == 1 && tokens.front().kind != TokenKind::Identifier) return tokens.front().term;
    // Identifiers hold digits, dots or colons; "China-ba*" (two words) stays an error.
    if (!tokens.empty() && node.text.find_first_of("0123456789.:") != std::string::npos) {
      return context_.analyzer.fold(node.text);
    }
    throw QuerySyntaxError("a wildcard needs one word or the start of an identifier before its '*'",
                           node.column);
  }

  // `espion*`: the most frequent indexed words with that prefix (at most kWildcardLimit of them).
  Xapian::Query wildcard(const QueryNode& node, bool collect) {
    const std::string stem = wildcard_stem(node);
    const auto expand = [&stem](std::string_view prefix) {
      return Xapian::Query(Xapian::Query::OP_WILDCARD, schema::prefixed(prefix, stem), kWildcardLimit,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    };
    const std::string_view prefix =
        field_ == Field::Path
            ? schema::kPathPrefix
            : positional_prefix(node, "a wildcard works only in the text, title:, author: and path:");
    if (collect) wildcards_.push_back(schema::prefixed(prefix, stem));
    if (field_ == Field::Path) return unweighted(expand(prefix));
    if (collect && field_ == Field::Body) match_terms_.prefixes.insert(stem);
    return expand(prefix);
  }

  // The exact terms of one NEAR/ADJ operand (a word, or the words of a phrase or split word),
  // appended to `terms`; a phrase's own query is appended to `phrases` (Xapian's NEAR and PHRASE
  // take only terms, so a phrase operand is its words inside the window and the phrase itself).
  // Returns the word positions the operand takes (a domain takes one per label).
  std::uint32_t positional(const QueryNode& node, std::string_view prefix, bool collect,
                           std::vector<Xapian::Query>& terms, std::vector<Xapian::Query>& phrases) {
    const std::vector<Token> tokens = primary_tokens(node.text);
    if (tokens.empty()) throw QuerySyntaxError("nothing to search for in '" + node.text + "'", node.column);
    std::vector<Xapian::Query> own;
    std::vector<std::string> sequence;
    for (const Token& token : tokens) {
      own.emplace_back(schema::prefixed(prefix, token.term));
      sequence.push_back(token.term);
    }
    if (collect && field_ == Field::Body) {
      if (sequence.size() == 1) match_terms_.terms.insert(sequence.front());
      if (sequence.size() > 1) match_terms_.phrases.push_back(std::move(sequence));
    }
    if (own.size() > 1) {
      phrases.emplace_back(Xapian::Query::OP_PHRASE, own.begin(), own.end(),
                           tokens.back().position - tokens.front().position + 1);
    }
    terms.insert(terms.end(), own.begin(), own.end());
    return tokens.back().position + tokens.back().width - tokens.front().position;
  }

  // `a NEAR/n b`: OP_NEAR; `a ADJ/n b`: OP_PHRASE; the window is n plus the words of the operands,
  // so n words may stand between two operands.
  Xapian::Query proximity(const QueryNode& node, bool collect) {
    const bool ordered = node.kind == QueryNode::Kind::Adjacent;
    const std::string_view prefix =
        positional_prefix(node, ordered ? "ADJ/n works only in the text, title: and author:"
                                        : "NEAR/n works only in the text, title: and author:");
    std::vector<Xapian::Query> terms;
    std::vector<Xapian::Query> phrases;
    std::size_t words = 0;
    for (const QueryNode& child : node.children)
      words += positional(child, prefix, collect, terms, phrases);
    const auto window = static_cast<Xapian::termcount>(node.distance * (node.children.size() - 1) + words);
    Xapian::Query query(ordered ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR, terms.begin(),
                        terms.end(), window);
    if (phrases.empty()) return query;
    phrases.insert(phrases.begin(), std::move(query));
    return Xapian::Query(Xapian::Query::OP_AND, phrases.begin(), phrases.end());
  }

  static Xapian::Query date(const QueryNode& node) {
    const auto range = parse_date_range(node.text);
    if (!range) {
      throw QuerySyntaxError(
          "invalid date range '" + node.text + "' (use YYYY, YYYY-MM or YYYY-MM-DD, and FROM..TO)",
          node.column);
    }
    return date_range_query(range->first, range->second);
  }

  // Each word of a `path:` value: its own term, or else the words the index holds for it (the
  // words of "threat-assessment.txt", "Threat" and "Report" of "ThreatReport").
  Xapian::Query path_words(const std::string& text) const {
    std::vector<Xapian::Query> terms;
    for (const analysis::PathQueryWord& word : analysis::path_query_words(context_.analyzer, text)) {
      const Xapian::Query whole(schema::prefixed(schema::kPathPrefix, word.term));
      if (word.words.empty()) {
        terms.push_back(whole);
        continue;
      }
      std::vector<Xapian::Query> parts;
      for (const std::string& part : word.words)
        parts.emplace_back(schema::prefixed(schema::kPathPrefix, part));
      terms.emplace_back(Xapian::Query::OP_OR, whole,
                         Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
    }
    return terms.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
  }

  std::vector<Token> primary_tokens(const std::string& text) const {
    std::vector<Token> tokens;
    context_.analyzer.for_each_token(text, "none", [&tokens](const Token& token) {
      if (token.role == TokenRole::Primary) tokens.push_back(token);
    });
    return tokens;
  }

  // The term's stems in every language of the index, as one synonym group.
  Xapian::Query stems(const std::string& term, std::string_view prefix, bool collect) {
    std::vector<std::string> found;
    const std::vector<std::string> fallback{context_.analyzer.options().default_language};
    for (const std::string& language : context_.stem_languages.empty() ? fallback : context_.stem_languages) {
      std::string stem = context_.analyzer.stem(term, language);
      if (std::find(found.begin(), found.end(), stem) == found.end()) found.push_back(std::move(stem));
    }
    std::vector<Xapian::Query> terms;
    for (const std::string& stem : found) {
      terms.emplace_back(schema::prefixed(prefix, stem));
      if (collect) match_terms_.stems.insert(stem);
    }
    return terms.size() == 1 ? terms.front()
                             : Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

  // Words of the body (no prefix), the title or the author line: one letter word matches its
  // stems unless quoted; several words, or a quoted phrase, match exactly and in order.
  Xapian::Query words(const std::string& text, bool collect, bool phrase, std::string_view prefix,
                      std::string_view stem_prefix) {
    const std::vector<Token> tokens = primary_tokens(text);
    if (tokens.empty()) return {};
    if (tokens.size() == 1 && !phrase && tokens.front().kind == TokenKind::Word) {
      return stems(tokens.front().term, stem_prefix, collect);
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

  const QueryContext& context_;
  const AliasExpansion aliases_;
  Field field_ = Field::Body;
  MatchTerms match_terms_;
  std::vector<std::string> alias_actors_;
  std::vector<std::string> wildcards_;
};

}  // namespace

Xapian::Query date_range_query(int first_day, int last_day) {
  std::vector<Xapian::Query> bounds;
  if (first_day > 0)
    bounds.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kDateFirstSlot, std::to_string(first_day));
  if (last_day > 0)
    bounds.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kDateLastSlot, std::to_string(last_day));
  // Only dated documents can lie in a range, even an open one.
  if (bounds.empty()) bounds.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kDateFirstSlot, "0");
  return unweighted(Xapian::Query(Xapian::Query::OP_AND, bounds.begin(), bounds.end()));
}

namespace {

// Matches keep what they are; those whose title has a query word's stem, or an exact query word
// (an identifier such as APT28, a number), gain that word's title weight, scaled: titles say what
// a report is about. Title words are body words too, so this adds weight without adding matches.
Xapian::Query with_title_weight(Xapian::Query query, const MatchTerms& terms, double weight) {
  if (weight <= 0.0 || (terms.stems.empty() && terms.terms.empty())) return query;
  std::vector<Xapian::Query> in_title;
  for (const std::string& stem : terms.stems)
    in_title.emplace_back(schema::prefixed(schema::kTitleStemPrefix, stem));
  for (const std::string& term : terms.terms)
    in_title.emplace_back(schema::prefixed(schema::kTitlePrefix, term));
  const Xapian::Query title(Xapian::Query::OP_OR, in_title.begin(), in_title.end());
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, weight));
}

}  // namespace

BuiltQuery build_query(const QueryNode& tree, const QueryContext& context) {
  Builder builder(context);
  Xapian::Query query = builder.build(tree, true);
  if (query.empty()) throw QuerySyntaxError("nothing to search for in the query", tree.column);
  MatchTerms match_terms = builder.take_match_terms();
  query = with_title_weight(std::move(query), match_terms, context.title_weight);
  return {std::move(query), std::move(match_terms), builder.take_alias_actors(), builder.take_wildcards()};
}

}  // namespace dossier::searcher
