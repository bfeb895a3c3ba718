/// \file
/// Dossier's own shared modules (the PDF reader, the web server): code and libraries that only
/// some commands need, loaded by those commands so that every other start stays short.
#pragma once

#include <string>

namespace dossier::analysis {

/// One of Dossier's modules, looked for beside the running program (the build tree), then at
/// `installed_dir` relative to the program's folder (an installation), then by the dynamic
/// loader's own search. Loaded for the life of the process: the module's libraries may register
/// process-wide state that must outlive every caller, so it is never unloaded.
class ProgramModule {
 public:
  /// Loads `file_name` ("libdossier-pdf.so"); `what` names the capability in messages ("PDF
  /// support"). Never throws: a module that cannot be loaded leaves `problem()` set.
  ProgramModule(std::string file_name, std::string installed_dir, std::string what);
  ProgramModule(const ProgramModule&) = delete;
  ProgramModule& operator=(const ProgramModule&) = delete;
  ~ProgramModule() = default;

  /// The address of the module's C entry point `symbol`, or null (and `problem()` set).
  void* entry_point(const char* symbol);

  /// Why the module or its last entry point asked for is unusable ("PDF support is not installed
  /// (libdossier-pdf.so not found beside the program nor in ../lib/dossier)"); empty when usable.
  const std::string& problem() const noexcept { return problem_; }

 private:
  std::string file_name_;
  std::string what_;
  void* handle_ = nullptr;
  std::string problem_;
};

}  // namespace dossier::analysis
