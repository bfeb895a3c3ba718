# The server must never include or link the indexer (DESIGN.md: analysis <- searcher <- server).
# Checks the sources of server/ for indexer headers and the built library for indexer symbols.
# Usage: cmake -DSERVER_LIBRARY=libdossier_server.a -DSOURCE_DIR=... -P layering_check.cmake
file(GLOB_RECURSE sources "${SOURCE_DIR}/server/*.cpp" "${SOURCE_DIR}/server/*.h")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" includes REGEX "#include [<\"]dossier/indexer/")
  if(includes)
    message(FATAL_ERROR "${source} includes the indexer: ${includes}")
  endif()
endforeach()
find_program(NM nm REQUIRED)
execute_process(COMMAND ${NM} --demangle --undefined-only ${SERVER_LIBRARY} OUTPUT_VARIABLE undefined
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "nm failed on ${SERVER_LIBRARY}")
endif()
string(REGEX MATCHALL "[^\n]*dossier::indexer::[^\n]*" uses "${undefined}")
if(uses)
  message(FATAL_ERROR "${SERVER_LIBRARY} uses the indexer: ${uses}")
endif()
list(LENGTH sources count)
message(STATUS "${count} server sources include no indexer header; the library uses no indexer symbol")
