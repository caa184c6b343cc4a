#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently: a second run
# only checks and returns in seconds. Safe to call from build.sh and test.sh.
#
#   bash scripts/setup.sh            # toolchain for the build (wasm, npm)
#   bash scripts/setup.sh --browsers # also Chromium and Firefox for e2e tests
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

want_browsers=0
for arg in "$@"; do
  case "$arg" in
    --browsers) want_browsers=1 ;;
    *) die "setup.sh: unknown option '$arg' (known: --browsers)" ;;
  esac
done

apt_missing=()
need_apt() { dpkg -s "$1" >/dev/null 2>&1 || apt_missing+=("$1"); }

# 1. A Rust toolchain that can build wasm32-unknown-unknown.
if wasm_route_is_rustup; then
  log "wasm: rustup has the wasm32-unknown-unknown target"
else
  command -v apt-get >/dev/null 2>&1 || die "No wasm32 target: run 'rustup target add wasm32-unknown-unknown' (or use Debian/Ubuntu with apt)."
  for p in rustc-web cargo-web rust-web-src lld-19; do need_apt "$p"; done
fi
# 2. Node.js for the npm package, its tests and the demo server.
command -v node >/dev/null 2>&1 || need_apt nodejs
command -v npm >/dev/null 2>&1 || need_apt npm
# 3. Browsers for the end-to-end tests.
if [ "$want_browsers" = 1 ]; then
  command -v chromium >/dev/null 2>&1 || need_apt chromium
  command -v firefox-esr >/dev/null 2>&1 || need_apt firefox-esr
fi

if [ "${#apt_missing[@]}" -gt 0 ]; then
  log "apt: installing ${apt_missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

# 4. wasm-bindgen CLI at exactly the version in Cargo.lock (wasm-pack only uses
#    a matching one from PATH; otherwise it would try to download one).
wb_version=$(wasm_bindgen_lock_version)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  log "cargo: installing wasm-bindgen-cli $wb_version (~3 min, once)"
  # No --locked: the registry mirror lacks some of the newest transitive versions.
  cargo install -q wasm-bindgen-cli --version "$wb_version" --force
fi
if ! command -v wasm-pack >/dev/null 2>&1; then
  log "cargo: installing wasm-pack (~3 min, once)"
  cargo install -q wasm-pack --version "^0.15"
fi

# 5. npm dev dependencies (wasm-opt from binaryen, TypeScript, Playwright, Puppeteer).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
  log "npm: installing dev dependencies"
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error
fi
log "setup: ok"
