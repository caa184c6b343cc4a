#!/usr/bin/env bash
# Runs every test: formatting, lints, Rust tests, the npm package under Node,
# type checks of its .d.ts, and the browser end-to-end tests. Installs what it
# needs first (scripts/setup.sh is idempotent). `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/setup.sh --browsers

log "cargo fmt --check"
cargo fmt --all --check
log "cargo clippy -D warnings"
cargo clippy --quiet --workspace --all-targets -- -D warnings
log "cargo test"
cargo test --quiet --workspace

CONFORMA_SKIP_SETUP=1 bash scripts/build.sh

log "tsc --noEmit (npm package types)"
node_modules/.bin/tsc --noEmit -p tests/types

# Node resolves `conforma` (and its exports map) from the built package.
mkdir -p tests/node_modules && ln -sfn ../../dist/npm tests/node_modules/conforma

log "node --test (npm package, extension logic, browser end-to-end)"
mapfile -t files < <(find tests/node tests/e2e -name '*.test.mjs' 2>/dev/null | sort)
[ "${#files[@]}" -gt 0 ] || die "no Node test files found"
node --test --test-concurrency=1 "${files[@]}"
