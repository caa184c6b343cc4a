#!/usr/bin/env bash
# Builds everything (engine, npm package, CLI, extension, site) and serves the
# demo on http://127.0.0.1:8787/ (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8787}"
