#!/usr/bin/env bash
# Installs the Debian 12 packages Dossier needs to build and test, and only those that are missing.
# Runs apt-get directly as root, through sudo otherwise. Idempotent: prints nothing when all is there.
set -euo pipefail

# Build toolchain, libraries and the tools the tests use (see DESIGN.md, "Dependencies", for why each
# one is here): clang-format-14 checks the formatting, systemd's systemd-analyze verifies the
# example units (neither test is skipped in CI).
packages=(
  g++ cmake make pkg-config git ca-certificates clang-format-14
  libxapian-dev libicu-dev libcli11-dev catch2
  nlohmann-json3-dev libxxhash-dev libcld2-dev
  libxml2-dev libpoppler-cpp-dev libzip-dev
  libcpp-httplib-dev
  # The browser tests of the search page (tests/browser): a real headless Chromium.
  chromium chromium-driver python3-selenium
  systemd
  dpkg-dev file groff-base zsh
)
# Extra packages a caller may ask for (e.g. the benchmark's omindex and ripgrep).
packages+=("$@")

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "error: missing packages (${missing[*]}) and not root; install them or run as root" >&2
  exit 2
fi

echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
