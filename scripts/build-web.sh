#!/usr/bin/env bash
# Builds the calculator page into dist/ (release): the Yew app compiled to
# wasm32 (twice: the calculator alone and the full app), bound with wasm-bindgen, shrunk with wasm-opt, plus the page shell
# (index.html) and the static assets in web/.
#
# Installs what it needs, idempotently: the wasm32 target (rustup),
# wasm-bindgen-cli at exactly the version Cargo.lock pins (cargo install),
# and wasm-opt from npm (binaryen, via package-lock.json). Nothing downloads
# binaries at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-$ROOT/dist}

# shellcheck source=scripts/tools.sh
source "$ROOT/scripts/tools.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm_tools

# The page is built twice from the one crate (same target dir and profile: the second build
# only recompiles wlz-web itself, every dependency is reused):
#   pkg/wlz_web*       the calculator alone (--no-default-features): what index.html loads;
#   pkg/wlz_web_full*  the full app (feature `extras`: the planner and the letter check),
#                      which web/boot.js loads for #jaren and #brief (docs/performance.md).
# The batch page (batch.html) has its own wasm, crates/batch (pkg/wlz_batch*), which only its
# Web Worker loads: the spreadsheet code never reaches the calculator's bundle.
# bind_and_shrink NAME [CRATE]: target/…/web/CRATE.wasm (default wlz_web) -> $OUT/pkg/NAME.js
# and NAME_bg.wasm.
bind_and_shrink() {
  wasm-bindgen --target web --no-typescript \
    --remove-name-section --remove-producers-section \
    --out-dir "$OUT/pkg" --out-name "$1" \
    "$ROOT/target/wasm32-unknown-unknown/web/${2:-wlz_web}.wasm"
  # wasm-opt: -Oz, but functions with one caller are inlined only when tiny (-ocimfs=15; the
  # default inlines them all): the page's big view functions then stay apart, which gzip packs
  # far better although the raw file grows. --low-memory-unused: Rust puts its 1 MiB stack
  # first (data starts at 1 MiB), so no valid address lies under 1 KiB and constant offsets may
  # be folded. Measured 2026-12-03 for issue 14 on one build of the page (wasm, gzip -9):
  #   -Oz (before)                                   245.4 KB   the reference
  #   -Oz -Oz / -Oz --converge / -Oz --gufa -Oz      −0.1 / −0.2 / −0.1 KB
  #   -Os / -O3 / -O4 -Oz                            −0.6 / +0.6 / +2.5 KB
  #   -Oz --merge-similar-functions,
  #     --dce -Oz --duplicate-function-elimination   ±0.0 KB
  #   -Oz --traps-never-happen                       −0.3 KB   rejected: a panic's trap is behaviour
  #   -Oz --low-memory-unused                        −1.0 KB
  #   -Oz -ocimfs=0 / 10 / 15 / 20 / 30              −10.3 / −10.6 / −10.7 / −10.7 / −10.3 KB
  #   -Oz -ocimfs=15 --low-memory-unused             −11.3 KB (−Os instead of −Oz: the same)
  #   -Oz --converge -ocimfs=15 --low-memory-unused  −11.5 KB (8 s more)   ← chosen
  #   … and --strip-target-features (a custom section only tools read)   −0.1 KB   ← kept
  # In the Rust build (profile web, see Cargo.toml): opt-level "s" instead of "z" +29 KB,
  # -C llvm-args=-inline-threshold=0 (RUSTFLAGS) +1.1 KB (−0.3 KB with -ocimfs), and
  # --remap-path-prefix for the registry and the repo (shorter panic locations) −0.1 KB: not kept.
  wasm-opt -Oz --converge -ocimfs=15 --low-memory-unused \
    --strip-debug --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$OUT/pkg/${1}_bg.wasm" -o "$OUT/pkg/${1}_bg.wasm"
}

step "build the calculator (profile web, --no-default-features)"
cargo build --locked --profile web --target wasm32-unknown-unknown -p wlz-web --no-default-features
step "bind and shrink the calculator"
rm -rf "$OUT"
mkdir -p "$OUT/pkg"
bind_and_shrink wlz_web

step "build the full app (profile web, feature extras)"
cargo build --locked --profile web --target wasm32-unknown-unknown -p wlz-web
step "bind and shrink the full app"
bind_and_shrink wlz_web_full

step "build the batch page's worker (profile web, crates/batch)"
cargo build --locked --profile web --target wasm32-unknown-unknown -p wlz-batch
step "bind and shrink the batch worker"
bind_and_shrink wlz_batch wlz_batch

step "assemble dist/"
cp "$ROOT/index.html" "$ROOT/batch.html" "$OUT/"
cp "$ROOT"/web/*.css "$ROOT"/web/*.js "$ROOT"/web/*.html "$ROOT"/web/*.svg "$ROOT"/web/*.webmanifest "$OUT/" 2>/dev/null || true
# The version of this build: the service worker and the asset URLs use it.
# The stylesheets without their comments and indentation: the page loads style.css on every visit
# (measured 2026-12-03: 16.2 KB raw / 4.4 KB gzip before, see scripts/measure-web.mjs), the full
# app extras.css too. boot.js without its line comments (its /* … */ markers stay: build-offline.mjs
# reads them): the page loads it on every visit too.
python3 - "$OUT/style.css" "$OUT/extras.css" "$OUT/batch.css" "$OUT/boot.js" <<'PY'
import re, sys
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    if path.endswith(".css"):
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        text = re.sub(r"\s+", " ", text)
        text = re.sub(r"\s*([{};,>])\s*", r"\1", text)
    else:
        text = "\n".join(l for l in text.split("\n") if not l.lstrip().startswith("//"))
    open(path, "w", encoding="utf-8").write(text.strip() + "\n")
PY
VERSION=$(cat "$OUT"/pkg/*.wasm "$OUT"/pkg/*.js "$OUT"/*.css "$OUT"/*.js "$OUT/index.html" "$OUT/batch.html" "$OUT"/*.webmanifest "$OUT"/*.svg | sha256sum | cut -c1-12)
echo "$VERSION" > "$OUT/version.txt"
sed -i "s/__VERSION__/$VERSION/g" "$OUT/index.html" "$OUT/batch.html" "$OUT"/*.js
du -b "$OUT"/pkg/* | sed 's/^/  /'
echo "built $OUT (version $VERSION)"
