/// \file
/// Folds Traditional Chinese characters to Simplified ones (ICU's "Traditional-Simplified"
/// transliterator), so 中國 and 中国 match one name. Private to the entity tagger.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace dossier::analysis {

/// Not thread-safe (an ICU Transliterator is used): copy it for each thread; a copy clones the
/// transliterator.
class HanFolder {
 public:
  /// Throws `std::runtime_error` when ICU has no Traditional-Simplified transliterator.
  HanFolder();
  HanFolder(const HanFolder& other);
  HanFolder& operator=(const HanFolder&) = delete;
  ~HanFolder();

  /// `text` (valid UTF-8) with every Traditional character replaced by its Simplified form;
  /// other characters are left as they are.
  std::string fold(std::string_view text) const;

 private:
  std::unique_ptr<icu::Transliterator> transliterator_;
};

/// True when `text` has at least one Han character.
bool has_han(std::string_view text);

}  // namespace dossier::analysis
