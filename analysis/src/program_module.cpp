#include "dossier/analysis/program_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <climits>
#include <filesystem>

namespace dossier::analysis {
namespace {

// The directory of the running program.
std::filesystem::path program_folder() {
  std::array<char, PATH_MAX> buffer{};
  const ssize_t length = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
  if (length <= 0) return {};
  return std::filesystem::path(std::string(buffer.data(), static_cast<std::size_t>(length))).parent_path();
}

}  // namespace

ProgramModule::ProgramModule(std::string file_name, std::string installed_dir, std::string what)
    : file_name_(std::move(file_name)), what_(std::move(what)) {
  // Paths from the program's own location rather than its RUNPATH: a dlopen interposed by a
  // preloaded library (AddressSanitizer's is one) no longer searches the program's RUNPATH.
  const std::filesystem::path folder = program_folder();
  for (const std::filesystem::path& path :
       {folder / file_name_, (folder / installed_dir / file_name_).lexically_normal()}) {
    if (!handle_) handle_ = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  }
  if (!handle_) handle_ = ::dlopen(file_name_.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle_) {
    problem_ = what_ + " is not installed (" + file_name_ + " not found beside the program nor in " +
               installed_dir + ")";
  }
}

void* ProgramModule::entry_point(const char* symbol) {
  if (!handle_) return nullptr;
  void* address = ::dlsym(handle_, symbol);
  if (!address) problem_ = what_ + " is broken (" + file_name_ + " has no " + symbol + ")";
  return address;
}

}  // namespace dossier::analysis
