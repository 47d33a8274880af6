#!/usr/bin/env bash
# Builds the calculator as ONE self-contained HTML file, for use without
# internet: dist/wlz-bijdrage-offline.html (the wasm, its JS glue, the boot
# code and the style inlined; a strict CSP; no request of any kind). Open it
# from disk in a browser; no server needed.
#
# Runs ./scripts/build-web.sh first when dist/ is missing or older than the
# sources; otherwise only the inlining (scripts/build-offline.mjs), which is
# deterministic: running it twice gives the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/dist
OUT=$DIST/wlz-bijdrage-offline.html

# shellcheck source=scripts/tools.sh
source "$ROOT/scripts/tools.sh"

stale() {
  [ -f "$DIST/version.txt" ] && [ -f "$DIST/index.html" ] && [ -f "$DIST/pkg/wlz_web_bg.wasm" ] && [ -f "$DIST/pkg/wlz_web_full_bg.wasm" ] || return 0
  # Anything that goes into the page, newer than the last build.
  [ -n "$(find "$ROOT/index.html" "$ROOT/web" "$ROOT/crates/web" "$ROOT/crates/core" \
      "$ROOT/Cargo.toml" "$ROOT/Cargo.lock" -newer "$DIST/version.txt" -type f \
      -not -path '*/target/*' -print -quit 2>/dev/null)" ]
}

if stale; then
  step "dist/ is missing or older than the sources: ./scripts/build-web.sh"
  "$ROOT/scripts/build-web.sh"
fi

step "inline the page into one file"
node "$ROOT/scripts/build-offline.mjs" "$DIST" "$OUT"
