# Every dependency is a Debian 12 package (scripts/install-deps.sh installs them).
# Each is exposed as an imported target so that libraries declare what they use with
# target_link_libraries and nothing else.

# Xapian ships a plain variables-only config file on Debian: wrap it in a target.
find_package(xapian 1.4 CONFIG REQUIRED)
if(NOT TARGET Dossier::xapian)
  add_library(Dossier::xapian INTERFACE IMPORTED)
  set_target_properties(Dossier::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json 3.11 CONFIG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(xxhash REQUIRED IMPORTED_TARGET libxxhash)

# Extractors. libxml2 has a CMake find module; Debian's libzip CMake config refers to tool binaries
# that libzip-dev does not install, so libzip (like poppler-cpp) comes through pkg-config.
find_package(LibXml2 2.9 REQUIRED)
pkg_check_modules(poppler_cpp REQUIRED IMPORTED_TARGET poppler-cpp>=22)
pkg_check_modules(libzip REQUIRED IMPORTED_TARGET libzip>=1.7)
find_package(Threads REQUIRED)

# The HTTP server (server/): Debian's libcpp-httplib-dev is a compiled library, found through
# pkg-config, whose compile flags must be used (they select the OpenSSL, zlib and Brotli parts).
pkg_check_modules(cpp_httplib REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)

# CLD2 (language detection) has neither a CMake config nor a pkg-config file on Debian.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY cld2 REQUIRED)
add_library(Dossier::cld2 INTERFACE IMPORTED)
set_target_properties(Dossier::cld2 PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "${CLD2_LIBRARY}")
