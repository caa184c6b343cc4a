# Shared helpers for the project scripts. Sourced, not run.

# cargo-installed tools (wasm-bindgen, wasm-pack) live here; CI shells may not have it on PATH.
if [ -d "$HOME/.cargo/bin" ]; then
  case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac
fi

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# True when rustup's toolchain already has the wasm32 std (a normal laptop).
wasm_route_is_rustup() {
  command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

# The wasm-bindgen version pinned in Cargo.lock.
wasm_bindgen_lock_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# Environment and extra cargo args for building wasm32 on this machine.
# Debian route: rustc-web 1.96 + build-std, its own target dir so the native
# (rustup) and wasm (Debian) compilers don't invalidate each other's builds.
wasm_env() {
  if wasm_route_is_rustup; then
    WASM_CARGO_ARGS=()
    WASM_PACK_MODE=()
  else
    export PATH="/usr/bin:$PATH"
    export RUSTC_BOOTSTRAP=1
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19
    export CARGO_TARGET_DIR="$PWD/target/wasm-debian"
    # Nightly-only (allowed by RUSTC_BOOTSTRAP): drop panic formatting machinery (~5 KB
    # gzipped), panic locations, and `{:?}` formatting (Debug impls reached through
    # trait objects): ~2.5 KB. Nothing user-facing may use `{:?}` (it prints nothing
    # in the wasm); use Display or `escape_debug()`.
    # LLVM's inline threshold at 60 (225 at opt-level 2): 100 was 3.4 KB gzipped smaller
    # than 225 for ~2% slower checks; 60 is another 2.1 KB smaller than 100 and, in
    # interleaved Node runs (2026-12-07), ~9% faster (1,000 chars 16.5 vs 18.2 µs).
    # 30, 50 and 80 were each bigger than 60 and no faster.
    # `--cfg conforma_size`: the core's cold code (JSON, packs, config, logs, engine
    # construction) gets `#[optimize(size)]`: 1.1 KB gzipped, construction no slower.
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none -Cllvm-args=-inline-threshold=60 --cfg conforma_size"
    # std's size-optimized algorithms (smaller sorts, one copy per element type): ~11 KB gzipped.
    WASM_CARGO_ARGS=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
    WASM_PACK_MODE=(--mode force)
  fi
  # Speed for the wasm: opt-level 2 (with wasm-opt -O3, crates/conforma-wasm/Cargo.toml)
  # checks 1,000 chars ~35% faster than `z` for ~9 KB gzipped more; measured
  # 138.9 KB gzipped against the 150 KB budget (`3` was no faster and 1 KB bigger).
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=2
  # wasm-opt from the npm binaryen package (Debian's binaryen 108 breaks externref tables).
  export PATH="$PWD/node_modules/.bin:$PATH:$HOME/.cargo/bin"
}
