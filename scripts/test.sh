#!/usr/bin/env bash
# Runs every test of wlz-bijdrage on a fresh Debian machine with rustup, Node and apt.
# Installs what it needs itself and skips what is already there (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s ==\n' "$*"; }

step "tools"
command -v cargo >/dev/null || { echo "cargo not found: install rustup first (https://rustup.rs)"; exit 1; }
cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
command -v python3 >/dev/null || { apt-get update && apt-get install -y python3; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "hand calculations behind the fixtures"
python3 fixtures/handcalc.py --check
python3 fixtures/handcalc_tax.py --check

step "unit, fixture and property tests"
cargo test --workspace --locked

step "the core builds for WebAssembly"
cargo build -p wlz-core --target wasm32-unknown-unknown --release --locked

step "release binary and its acceptance command"
cargo build --release --locked
out=$(./target/release/wlz-bijdrage estimate --year 2026 --care vpt --age 70 --income 38000 --assets 100000 --json)
python3 - "$out" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
assert r["monthly"] == "337.68" and r["regime"] == "lage", r  # spec §6.1 case M
PY

printf '\nAll tests passed.\n'
