# Run by `cmake --install` and CPack (from DossierInstall.cmake's install(CODE)): writes the files
# that name installed paths for the prefix given at install time, then installs them (file(INSTALL)
# honours DESTDIR, which CPack uses).
#   - the cron job and the systemd service run ${prefix}/bin/dossier; the cron job is installed
#     with its line commented out (an active job for /srv/reports would fail every 15 minutes on a
#     machine that has none): edit the roots and remove the "#";
#   - the manual names the module, cron, unit and completion paths, and is compressed (Debian
#     policy);
#   - the zsh completion goes where zsh looks for the prefix: vendor-completions under /usr.
set(dossier_prefix "${CMAKE_INSTALL_PREFIX}")
set(dossier_binary "${dossier_prefix}/${DOSSIER_BINDIR}/dossier")
if(dossier_prefix STREQUAL "/usr")
  set(dossier_sysconfdir "/etc")
else()
  set(dossier_sysconfdir "${dossier_prefix}/etc")
endif()
set(dossier_unitdir "${dossier_prefix}/lib/systemd/system")
set(dossier_zshdir "${DOSSIER_ZSHDIR}")
if(NOT dossier_zshdir AND dossier_prefix STREQUAL "/usr")
  set(dossier_zshdir "share/zsh/vendor-completions")
elseif(NOT dossier_zshdir)
  set(dossier_zshdir "share/zsh/site-functions")
endif()
# One staging folder per destination: CPack and a plain install may run at the same time.
string(MD5 dossier_destination "$ENV{DESTDIR}${dossier_prefix}")
set(dossier_staging "${DOSSIER_STAGING_DIR}/${dossier_destination}")
file(MAKE_DIRECTORY "${dossier_staging}")

file(INSTALL DESTINATION "${dossier_prefix}/${dossier_zshdir}" TYPE FILE
     FILES "${DOSSIER_SOURCE_DIR}/cli/completions/_dossier")

file(READ "${DOSSIER_SOURCE_DIR}/scripts/cron/dossier-index" dossier_cron)
string(REPLACE "/usr/local/bin/dossier" "${dossier_binary}" dossier_cron "${dossier_cron}")
string(REGEX REPLACE "\n([^#\n][^\n]*)" "\n# Disabled when installed: edit the roots (/srv/reports), then remove the \"#\" below.\n#\\1"
       dossier_cron "${dossier_cron}")
file(WRITE "${dossier_staging}/dossier-index" "${dossier_cron}")
file(INSTALL DESTINATION "${dossier_sysconfdir}/cron.d" TYPE FILE PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
     FILES "${dossier_staging}/dossier-index")

foreach(dossier_unit dossier-index.service dossier-serve.service)
  file(READ "${DOSSIER_SOURCE_DIR}/scripts/systemd/${dossier_unit}" dossier_service)
  string(REPLACE "/usr/local/bin/dossier" "${dossier_binary}" dossier_service "${dossier_service}")
  file(WRITE "${dossier_staging}/${dossier_unit}" "${dossier_service}")
endforeach()
file(INSTALL DESTINATION "${dossier_unitdir}" TYPE FILE
     FILES "${dossier_staging}/dossier-index.service" "${DOSSIER_SOURCE_DIR}/scripts/systemd/dossier-index.timer"
           "${dossier_staging}/dossier-serve.service")

file(READ "${DOSSIER_SOURCE_DIR}/cli/man/dossier.1.in" dossier_man)
set(DOSSIER_MODULE_DIR "${dossier_prefix}/${DOSSIER_MODULEDIR}")
set(DOSSIER_CRON_FILE "${dossier_sysconfdir}/cron.d/dossier-index")
set(DOSSIER_UNIT_DIR "${dossier_unitdir}")
set(DOSSIER_BASH_COMPLETION "${dossier_prefix}/${DOSSIER_BASHDIR}/dossier")
set(DOSSIER_ZSH_COMPLETION "${dossier_prefix}/${dossier_zshdir}/_dossier")
string(CONFIGURE "${dossier_man}" dossier_man @ONLY)
file(WRITE "${dossier_staging}/dossier.1" "${dossier_man}")
execute_process(COMMAND gzip -9 -n -f "${dossier_staging}/dossier.1" RESULT_VARIABLE dossier_gzip)
if(NOT dossier_gzip EQUAL 0)
  message(FATAL_ERROR "gzip failed on the manual page")
endif()
file(INSTALL DESTINATION "${dossier_prefix}/${DOSSIER_MANDIR}/man1" TYPE FILE FILES "${dossier_staging}/dossier.1.gz")
