#!/usr/bin/env bash
# Runs every speed benchmark and prints their numbers (median, p95); it never
# fails on a slow number, since machines differ (budgets: bench/node.mjs).
#   1. the native engine:          cargo bench -p conforma-core
#   2. the npm package in Node:    node bench/node.mjs (obscenity from npm as reference)
#   3. rustrict as reference:      bench/reference (same texts as 1, in one binary)
# The wasm package is built first when dist/npm is missing. Needs no network
# beyond the package registries, and only on a first run (crates.io for rustrict).
#
#   bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

log "bench: native engine (cargo bench -p conforma-core)"
cargo bench --quiet -p conforma-core --bench check

if [ ! -f dist/npm/node/conforma.js ]; then
  log "bench: dist/npm missing, building the wasm package first"
  bash scripts/build.sh wasm
fi
log "bench: npm package in Node (node bench/node.mjs)"
node bench/node.mjs

# Its own workspace and profile (opt-level 3, LTO): the first run builds rustrict (~1 min).
log "bench: rustrict reference (bench/reference)"
cargo run --quiet --release --manifest-path bench/reference/Cargo.toml
