# bash completion for dossier(1): subcommands, flags, flag values (--format, --sort, and the
# countries and actors of the index for --country and --actor), file and folder names.
#
# The candidates come from `dossier complete WORD...`, a hidden helper that reads the same flag
# definitions as --help, so this file need not change when a flag is added. It prints a first
# line "words", "files" or "folders", then for "words" one candidate per line.
# Installed as /usr/share/bash-completion/completions/dossier (loaded on first use); or source it.

_dossier() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local program=${COMP_WORDS[0]}
  # The program as typed (./build/bin/dossier works too); "~/" is not expanded in COMP_WORDS.
  [[ $program == "~/"* ]] && program=$HOME/${program#"~/"}
  command -v -- "$program" > /dev/null 2>&1 || program=dossier

  local IFS=$'\n'
  local -a lines
  lines=($("$program" complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2> /dev/null))
  COMPREPLY=()
  case ${lines[0]-} in
    files)
      compopt -o filenames 2> /dev/null
      COMPREPLY=($(compgen -f -- "$cur"))
      ;;
    folders)
      compopt -o filenames 2> /dev/null
      COMPREPLY=($(compgen -d -- "$cur"))
      ;;
    words)
      local word
      for word in "${lines[@]:1}"; do
        # Quote spaces and the like ("Ministry of State Security"), unless the user opened a quote.
        [[ $cur == [\"\']* ]] || printf -v word '%q' "$word"
        COMPREPLY+=("$word")
      done
      ;;
  esac
}

complete -F _dossier dossier
