#!/usr/bin/env bash
# Builds everything into dist/:
#   dist/npm/        the npm package `conforma` (web, bundler and nodejs targets)
#   dist/bin/        the `conforma` CLI
#   dist/extension/  the browser extension, unpacked and zipped (when extension/ exists)
#   dist/www/        the website with the live demo (when www/ exists)
#
#   bash scripts/build.sh [wasm|cli|extension|www]...   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
[ "${CONFORMA_SKIP_SETUP:-0}" = 1 ] || bash scripts/setup.sh

parts=("$@")
[ "${#parts[@]}" -gt 0 ] || parts=(wasm cli extension www)
mkdir -p dist

build_wasm() (
  wasm_env
  local npm=dist/npm
  rm -rf "$npm.tmp" && mkdir -p "$npm.tmp"
  for target in web bundler nodejs; do
    local dir=$target; [ "$target" = nodejs ] && dir=node
    log "wasm: building the $target target"
    wasm-pack --quiet --log-level error build --release --target "$target" "${WASM_PACK_MODE[@]}" \
      --no-pack --out-name conforma --out-dir "$PWD/$npm.tmp/$dir" crates/conforma-wasm -- "${WASM_CARGO_ARGS[@]}"
    rm -f "$npm.tmp/$dir/.gitignore"
  done
  # Each target folder declares its module format; the root package.json maps them.
  echo '{"type":"module"}' > "$npm.tmp/web/package.json"
  echo '{"type":"module"}' > "$npm.tmp/bundler/package.json"
  echo '{"type":"commonjs"}' > "$npm.tmp/node/package.json"
  node scripts/npm-package.mjs "$npm.tmp"
  rm -rf "$npm" && mv "$npm.tmp" "$npm"
  local raw gz
  raw=$(wc -c < "$npm/web/conforma_bg.wasm")
  gz=$(gzip -9c "$npm/web/conforma_bg.wasm" | wc -c)
  log "wasm: $npm ready (conforma_bg.wasm: $raw bytes raw, $gz gzipped)"
)

build_cli() {
  log "cli: building dist/bin/conforma"
  cargo build --quiet --release -p conforma-cli
  mkdir -p dist/bin && cp target/release/conforma dist/bin/conforma
}

for part in "${parts[@]}"; do
  case "$part" in
    wasm) build_wasm ;;
    cli) build_cli ;;
    extension) if [ -f scripts/build-extension.mjs ]; then log "extension: building"; node scripts/build-extension.mjs; fi ;;
    www) if [ -f scripts/build-www.mjs ]; then log "www: building"; node scripts/build-www.mjs; fi ;;
    *) die "build.sh: unknown part '$part' (known: wasm cli extension www)" ;;
  esac
done
