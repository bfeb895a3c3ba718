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
endif()
