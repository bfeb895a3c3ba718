# Warning and sanitizer flags shared by every Dossier target, as an interface library.
add_library(dossier_compile_options INTERFACE)
add_library(dossier::compile_options ALIAS dossier_compile_options)
target_compile_options(dossier_compile_options INTERFACE -Wall -Wextra -Wpedantic)
if(DOSSIER_WERROR)
  target_compile_options(dossier_compile_options INTERFACE -Werror)
endif()
if(DOSSIER_SANITIZE)
  target_compile_options(dossier_compile_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(dossier_compile_options INTERFACE -fsanitize=address,undefined)
  # GCC 12's -Wmaybe-uninitialized misfires on sanitizer-instrumented code (here inside libstdc++'s
  # <regex>; GCC's manual warns that sanitizers cause false positives for it). The normal build
  # keeps the warning, so nothing is lost.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(dossier_compile_options INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()
# Fuzzing: libFuzzer's coverage instrumentation everywhere, plus the sanitizers that turn silent
# memory errors into crashes. The fuzz targets themselves link -fsanitize=fuzzer (tests/fuzz).
if(DOSSIER_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "DOSSIER_FUZZ=ON needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(dossier_compile_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(dossier_compile_options INTERFACE -fsanitize=address,undefined)
endif()
