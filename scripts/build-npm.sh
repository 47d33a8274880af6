#!/usr/bin/env bash
# Builds the npm package `wlz-bijdrage` (the engine for JavaScript) with
# wasm-pack from crates/wasm, for three targets in one package:
#   node/     CommonJS for Node (`require` and `import` both work)
#   bundler/  ES module for webpack, Vite, Rollup … (the default export)
#   web/      ES module for a plain <script type="module"> (call `init()` first)
# plus the TypeScript types generated from the contract's JSON Schema, and
# packs it: target/npm/wlz-bijdrage-<version>.tgz (`npm install` that file).
#
# Installs what it needs, idempotently: the wasm32 target, wasm-bindgen-cli
# and wasm-pack (cargo install, pinned), the npm tools of package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-$ROOT/target/npm}
PKG=$OUT/wlz-bijdrage

# shellcheck source=scripts/tools.sh
source "$ROOT/scripts/tools.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_wasm_pack
ensure_npm_tools

VERSION=$(awk -F'"' '/^version = / { print $2; exit }' "$ROOT/crates/wasm/Cargo.toml")
rm -rf "$PKG"
mkdir -p "$PKG"

for target in nodejs bundler web; do
  dir=$target
  [ "$target" = nodejs ] && dir=node
  step "wasm-pack: target $target"
  # --mode no-install: wasm-bindgen and wasm-opt come from PATH (pinned above).
  wasm-pack --quiet build "$ROOT/crates/wasm" --mode no-install --release \
    --target "$target" --out-dir "$PKG/$dir" --out-name wlz_bijdrage \
    --no-pack --no-gitignore -- --locked
done

step "TypeScript types from the contract's JSON Schema"
cargo run --quiet --locked --release -p wlz-bijdrage-cli -- schema > "$PKG/contract.schema.json"
node "$ROOT/scripts/npm-types.mjs" "$PKG/contract.schema.json" > "$OUT/types.d.ts"
for dir in node bundler web; do
  cp "$OUT/types.d.ts" "$PKG/$dir/types.d.ts"
done
# Node reads node/ as CommonJS and the two other folders as ES modules.
echo '{ "type": "commonjs" }' > "$PKG/node/package.json"
echo '{ "type": "module" }' > "$PKG/bundler/package.json"
echo '{ "type": "module" }' > "$PKG/web/package.json"

sed "s/@VERSION@/$VERSION/" "$ROOT/crates/wasm/npm/package.json" > "$PKG/package.json"
cp "$ROOT/crates/wasm/npm/README.md" "$PKG/README.md"

step "npm pack"
rm -f "$OUT"/wlz-bijdrage-*.tgz
(cd "$OUT" && npm pack --silent "$PKG" >/dev/null)
ls -l "$OUT"/wlz-bijdrage-*.tgz | awk '{ print "  " $5 " bytes  " $9 }'
du -b "$PKG"/*/wlz_bijdrage_bg.wasm | sed 's/^/  /'
echo "built $OUT/wlz-bijdrage-$VERSION.tgz"
