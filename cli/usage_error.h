/// \file
/// A mistake on the command line (unknown flag, missing value, flags that contradict each other):
/// `main` prints it as one line, `error: MESSAGE`, and exits 2.
#pragma once

#include <stdexcept>

namespace dossier::cli {

/// Thrown by flag checks and the argument classifier; the message names the flag and the reason.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dossier::cli
