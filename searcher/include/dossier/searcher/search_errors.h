/// \file
/// Exceptions thrown by the searcher; the CLI maps each to exit code 2 with its message.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "dossier/analysis/printable.h"

namespace dossier::searcher {

/// Base of every search failure.
class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// There is no readable Dossier index at the given path.
class IndexNotFoundError : public SearchError {
 public:
  using SearchError::SearchError;
};

/// A country or actor name the index does not know; the message suggests the closest known names.
class UnknownEntityError : public SearchError {
 public:
  using SearchError::SearchError;
};

/// No document in the index has the path asked for.
class DocumentNotFoundError : public SearchError {
 public:
  using SearchError::SearchError;
};

/// Matching took longer than the request's time budget (`SearchRequest::time_limit`): its total
/// and facets would not be exact, so no result is given.
class SearchTimeoutError : public SearchError {
 public:
  using SearchError::SearchError;
};

/// No saved watch has the name asked for.
class WatchNotFoundError : public SearchError {
 public:
  /// "no watch named 'NAME' (see 'dossier watch list')", the name made printable.
  explicit WatchNotFoundError(const std::string& name)
      : SearchError("no watch named '" + analysis::printable(name) + "' (see 'dossier watch list')") {}
};

/// The query is not valid in Dossier's query language. `what()` reads
/// "unbalanced '(' at column 1"; `column` is 1-based and counts characters, not bytes.
class QuerySyntaxError : public SearchError {
 public:
  QuerySyntaxError(const std::string& message, std::size_t column)
      : SearchError(message + " at column " + std::to_string(column)), column_(column) {}
  std::size_t column() const noexcept { return column_; }

 private:
  std::size_t column_;
};

}  // namespace dossier::searcher
