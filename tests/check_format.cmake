# Fails when any C++ source or header under the project differs from clang-format's output. Looks
# for clang-format-14 when the test runs; without it, prints one SKIPPED line (the test's
# SKIP_REGULAR_EXPRESSION) instead of passing in silence. scripts/install-deps.sh installs it.
find_program(CLANG_FORMAT NAMES clang-format-14)
if(NOT CLANG_FORMAT)
  message("SKIPPED: clang-format-14 is not installed (scripts/install-deps.sh installs it)")
  return()
endif()
file(GLOB_RECURSE sources
  ${SOURCE_DIR}/analysis/*.cpp ${SOURCE_DIR}/analysis/*.h
  ${SOURCE_DIR}/indexer/*.cpp ${SOURCE_DIR}/indexer/*.h
  ${SOURCE_DIR}/searcher/*.cpp ${SOURCE_DIR}/searcher/*.h
  ${SOURCE_DIR}/cli/*.cpp ${SOURCE_DIR}/cli/*.h
  ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror ${sources} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "run: clang-format-14 -i $(git ls-files '*.cpp' '*.h')")
endif()
