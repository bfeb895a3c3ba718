/// \file
/// Checks of flag values, run on the text before CLI11 converts it, with messages a user can act
/// on: `--jobs: must be at least 1 (got 0)` rather than a range of doubles. CLI11 prefixes each
/// message with the flag's name.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace dossier::cli {

/// A whole number (decimal digits, no sign or exponent) from `min` to `max`: refuses "abc", "1e9",
/// "-1" ("must be at least 0 (got -1)": a negative number is never wrapped round) and numbers
/// past `max` or 2^64 - 1.
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max = UINT64_MAX);

/// A number of seconds from `min` to `max` ("0.5", "60"): refuses text, NaN, infinities and values
/// outside the range.
CLI::Validator seconds_between(double min, double max);

/// One of `values`, exactly: "'xml' is not one of text, json, jsonl, paths".
CLI::Validator one_of(std::vector<std::string> values);

/// A path that is not the empty string (`dossier show ''`): "the path is empty".
CLI::Validator non_empty_path();

}  // namespace dossier::cli
