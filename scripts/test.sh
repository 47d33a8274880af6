#!/usr/bin/env bash
# Runs every test of wlz-bijdrage on a fresh Debian machine with rustup, Node and apt.
# Installs what it needs itself and skips what is already there (idempotent):
# rustfmt, clippy, the wasm32 target, wasm-bindgen-cli (pinned to Cargo.lock),
# wasm-pack (pinned), the npm tools of package-lock.json (wasm-opt,
# playwright-core, axe-core, typescript, …) and Debian's Chromium and
# chromedriver for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=scripts/tools.sh
source "$ROOT/scripts/tools.sh"

step "tools"
command -v cargo >/dev/null || { echo "cargo not found: install rustup first (https://rustup.rs)"; exit 1; }
command -v node >/dev/null || { echo "node not found: install Node 20 first"; exit 1; }
cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
command -v python3 >/dev/null || { apt-get update && apt-get install -y python3; }
ensure_wasm_target
ensure_wasm_bindgen
ensure_wasm_pack
ensure_npm_tools
ensure_chromium

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p wlz-web --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p wlz-wasm --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
cargo clippy -p wlz-batch --target wasm32-unknown-unknown --locked -- -D warnings

step "plain Dutch (B1): no sentence of the core's or the page's texts over 20 words"
python3 scripts/b1-check.py

step "hand calculations behind the fixtures"
python3 fixtures/handcalc.py --check
python3 fixtures/handcalc_tax.py --check

step "unit, fixture, property and page (SSR) tests"
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

step "the npm package (wasm-pack: node, bundler, web) and its generated TypeScript types"
./scripts/build-npm.sh

step "the npm package installed from its tarball, in Node: fixtures, API, errors and fuzz, types (tsc)"
node --test crates/wasm/tests/node/

step "the JS API in headless Chromium (wasm-bindgen-test)"
cargo test --locked -p wlz-wasm --target wasm32-unknown-unknown

step "the calculator page and the batch page: release build, and the single-file offline page"
./scripts/build-web.sh
./scripts/build-offline.sh

step "the calculator page and the batch page in Chromium (Playwright): spec examples, keyboard, axe, privacy, the widget cross-origin, offline, 10,000 rows"
node --test tests/e2e/

step "the calculator page against its budgets (size, time to result, keystroke)"
node scripts/measure-web.mjs

printf '\nAll tests passed.\n'
