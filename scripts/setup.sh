#!/usr/bin/env bash
# Installs what Rootwise needs on a Debian/Ubuntu machine, skipping what is
# already there. Called by `make run` and `make test`; safe to run again.
#   scripts/setup.sh build   system libraries to build the app, UI packages
#   scripts/setup.sh test    the above, plus what the end-to-end suite needs
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}

build_pkgs=(build-essential pkg-config curl wget file libssl-dev libxdo-dev libclang-dev
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev)
test_pkgs=(webkit2gtk-driver xvfb xauth imagemagick x11-utils postgresql poppler-utils)
pkgs=("${build_pkgs[@]}")
[ "$mode" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "setup: Rust is missing; install it with rustup (https://rustup.rs) and run again" >&2; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || { echo "setup: Node.js 20 or newer is needed (found $(node --version))" >&2; exit 1; }

# UI packages: exactly what the lockfile says, again whenever it changes.
stamp=ui/node_modules/.rootwise-lock
if [ ! -f "$stamp" ] || ! cmp -s ui/package-lock.json "$stamp"; then
  log=$(mktemp)
  if ! (cd ui && npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
    # A registry mirror that serves only this platform's optional packages
    # (the Tauri CLI's and Rollup's native builds for other systems) makes
    # `npm ci` refuse a lockfile that lacks them. `npm install` then installs
    # the very versions the lockfile pins; the lockfile itself is kept.
    echo "setup: npm ci refused the lockfile ($(grep -m1 -o 'Missing: [^ ]*' "$log" || echo 'see npm log')); installing the locked versions with npm install"
    cp ui/package-lock.json "$log.lock"
    (cd ui && npm install --no-audit --no-fund --loglevel=error)
    cp "$log.lock" ui/package-lock.json
  fi
  rm -f "$log" "$log.lock"
  cp ui/package-lock.json "$stamp"
fi

if [ "$mode" = test ] && ! command -v tauri-driver >/dev/null; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi
