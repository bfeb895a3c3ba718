# Install rules (`cmake --install build [--prefix /usr/local]`) and the Debian package
# (`cpack -G DEB` in build/). Layout under the prefix:
#   bin/dossier                                   the program
#   <libdir>/dossier/libdossier-pdf.so            the PDF module, found from the program's own
#                                                 folder (../<libdir>/dossier)
#   <libdir>/dossier/libdossier-serve.so          the server module (`dossier serve`), likewise
#   share/man/man1/dossier.1.gz                   the manual
#   share/bash-completion/completions/dossier     bash completion (loaded on demand)
#   share/zsh/{vendor-completions,site-functions}/_dossier    zsh completion (by prefix)
#   <sysconfdir>/cron.d/dossier-index             the cron job, installed disabled
#   lib/systemd/system/dossier-index.{service,timer}          the systemd job (not enabled)
#   lib/systemd/system/dossier-serve.service      the search page as a service (not enabled)
# The manual, the cron job and the service name installed paths, so they are written at install
# time (cmake/DossierInstallConfigured.cmake), for the prefix given then.
include(GNUInstallDirs)

set(DOSSIER_INSTALL_MODULEDIR "${CMAKE_INSTALL_LIBDIR}/dossier" CACHE STRING
    "Where the PDF and server modules go, relative to the prefix")
set(DOSSIER_INSTALL_ZSHDIR "" CACHE STRING "Where the zsh completion goes, relative to the prefix (a \
directory of zsh's $fpath; default: share/zsh/vendor-completions for the prefix /usr, as Debian's \
zsh packages, else share/zsh/site-functions)")

# The program looks for its modules beside itself (the build tree) and at this path relative to
# its own folder (analysis/src/program_module.cpp), so the installed tree works under any prefix
# and when moved, without a RUNPATH.
file(RELATIVE_PATH dossier_module_from_bin "/${CMAKE_INSTALL_BINDIR}" "/${DOSSIER_INSTALL_MODULEDIR}")
target_compile_definitions(dossier_indexer PRIVATE DOSSIER_INSTALLED_MODULE_DIR="${dossier_module_from_bin}")
target_compile_definitions(dossier PRIVATE DOSSIER_INSTALLED_MODULE_DIR="${dossier_module_from_bin}")

install(TARGETS dossier RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(TARGETS dossier_pdf dossier_serve LIBRARY DESTINATION "${DOSSIER_INSTALL_MODULEDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/cli/completions/dossier.bash"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" RENAME dossier)
install(CODE "
  set(DOSSIER_SOURCE_DIR \"${PROJECT_SOURCE_DIR}\")
  set(DOSSIER_STAGING_DIR \"${PROJECT_BINARY_DIR}/install-staging\")
  set(DOSSIER_VERSION \"${PROJECT_VERSION}\")
  set(DOSSIER_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
  set(DOSSIER_MODULEDIR \"${DOSSIER_INSTALL_MODULEDIR}\")
  set(DOSSIER_MANDIR \"${CMAKE_INSTALL_MANDIR}\")
  set(DOSSIER_BASHDIR \"${CMAKE_INSTALL_DATADIR}/bash-completion/completions\")
  set(DOSSIER_ZSHDIR \"${DOSSIER_INSTALL_ZSHDIR}\")
  include(\"${PROJECT_SOURCE_DIR}/cmake/DossierInstallConfigured.cmake\")
")

# The Debian package: `cd build && cpack -G DEB`. Dependencies come from dpkg-shlibdeps (dpkg-dev)
# over the program and the modules; /etc/cron.d/dossier-index is a conffile.
set(CPACK_PACKAGE_NAME dossier)
set(CPACK_PACKAGE_VENDOR "Dossier")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "Indexes folders of reports (text, Markdown, HTML, PDF, DOCX, ODT),\
 tags the countries and actors they name, and searches them from the shell; made to reindex from\
 cron or a systemd timer.")
set(CPACK_PACKAGE_CONTACT "Dossier maintainers <dossier@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, cron | systemd-sysv")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/cmake/debian/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
