/// \file
/// Dossier's query language: a parser from text to a syntax tree. Terms are not analysed here;
/// the query builder runs them through the shared analyzer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::searcher {

/// A node of the parsed query.
struct QueryNode {
  enum class Kind {
    Word,      ///< a bare word: `espionage`, `CVE-2023-27997`, `China-based`
    Phrase,    ///< a quoted phrase: `"Ministry of State Security"`
    And,       ///< explicit `a AND b`
    Or,        ///< `a OR b`
    Sequence,  ///< juxtaposed terms `a b`: AND by default, OR when the search asks for any word
    Not,       ///< `NOT a` or `-a` (one child)
    Field,     ///< `title:typhoon`, `actor:"Volt Typhoon"`, `country:(NO OR NL)`: `text` names the field (one
               ///< child)
    Wildcard,  ///< `espion*`: `text` is the prefix as typed, without the `*`
    Near,      ///< `a NEAR/n b`: words or phrases with at most `distance` words between them, any order
    Adjacent,  ///< `a ADJ/n b`: the same, in this order
  };

  Kind kind = Kind::Word;
  std::string text;                 ///< Word and Phrase: the text as typed
  std::vector<QueryNode> children;  ///< And, Or, Sequence: two or more; Not: one
  std::size_t column = 1;           ///< 1-based character column where the node starts
  std::size_t distance = 0;         ///< Near and Adjacent: the `n` of `NEAR/n`, at most `kMaxDistance`
};

/// The largest `n` of `NEAR/n` and `ADJ/n`; a larger one is clamped to it (a window wider than a
/// long paragraph no longer says "near", and Xapian's cost grows with the window).
inline constexpr std::size_t kMaxDistance = 100;

/// The field names the query language knows.
inline constexpr std::string_view kQueryFields[] = {"title", "author", "path",    "type",
                                                    "lang",  "date",   "country", "actor"};

/// Parses `query`. Grammar, loosest binding first:
///
///     query    := or_expr
///     or_expr  := and_expr ("OR" and_expr)*
///     and_expr := sequence ("AND" sequence)*
///     sequence := unary unary*
///     unary    := "NOT" unary | "-" near | near
///     near     := atom (("NEAR/" n | "ADJ/" n) (word | '"' phrase '"'))*
///     atom     := field ":" atom | "(" or_expr ")" | '"' phrase '"' | word "*" | word
///
/// `a NEAR/n b` matches a and b with at most n words between them, in either order; `a ADJ/n b`
/// the same in this order (`ADJ/0` is a phrase). Their operands are words or phrases (Xapian's
/// NEAR and PHRASE take terms only, so no wildcard);
/// a chain (`a NEAR/3 b NEAR/3 c`) must repeat the same operator. n larger than `kMaxDistance` is
/// clamped to it. A word ending in `*` (`espion*`) is a prefix wildcard; `*` alone is a word.
///
/// Fields are `kQueryFields`, in any case (`Country:NO` is `country:NO`), glued to their colon and
/// to what follows. Any other `name:value` whose name is two or more ASCII letters and whose value
/// has no further colon, slash, backslash or `@` (`autor:Britt`, `foo:bar`, or `autor:` glued to a
/// phrase or group) is an unknown field: a `QuerySyntaxError` naming the fields (and the nearest
/// one), never a silent phrase search. Words that merely hold a colon stay text: times (`10:30`),
/// IPv6 addresses (`2001:db8::1`), drives (`C:\path`), URLs (`http://x`), identifiers
/// (`urn:isbn:1`, `Trojan:Win32/Emotet`), labels (`Summary:` with nothing glued after), and any
/// word inside quotes.
///
/// Operators are upper case (`and`, `or`, `not` are words). Straight or typographic double quotes
/// delimit phrases. `-` negates only when glued to what follows (`-norway`). Invalid UTF-8 is read
/// as U+FFFD. Throws `QuerySyntaxError` naming the character column for: an empty query, an unknown field,
/// unbalanced parentheses, empty parentheses, an unterminated quote, an operator without a term
/// on one side, a field without a term, `NEAR/`/`ADJ/` without a number, an operand of `NEAR/n`
/// or `ADJ/n` that is not a word or phrase, a chain mixing `NEAR/n` and `ADJ/m`. Errors are never repaired by
/// reinterpreting the query.
QueryNode parse_query(std::string_view query);

/// A compact, unambiguous rendering of a tree for tests and `--explain`:
/// `AND(word:a, NOT(phrase:"b c"))`, `NEAR/3(word:a, phrase:"b c")`.
std::string to_string(const QueryNode& node);

}  // namespace dossier::searcher
