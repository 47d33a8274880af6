# Shared installers for the scripts: each one checks first and installs
# only what is missing or at the wrong version (idempotent).

step() { printf '\n==> %s\n' "$*"; }

# The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "install the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  local want
  want=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    step "install wasm-bindgen-cli $want (about 2 minutes)"
    # No --locked: the registry index lacks the newest webpki-roots its lock
    # file names (see shared/notes/toolchain.md). opt-level 1 halves the build.
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install wasm-bindgen-cli \
      --version "$want" --no-default-features
  fi
}

# wasm-pack builds the npm package; the npm `wasm-pack` would download a binary.
WASM_PACK_VERSION=0.15.1
ensure_wasm_pack() {
  if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
    step "install wasm-pack $WASM_PACK_VERSION (about 3 minutes)"
    cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
  fi
}

# wasm-opt (binaryen 132), playwright-core, axe-core, json-schema-to-typescript,
# typescript and yaml, pinned in package-lock.json.
ensure_npm_tools() {
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/axe-core" ] \
     || [ ! -d "$ROOT/node_modules/playwright-core" ] || [ ! -x "$ROOT/node_modules/.bin/tsc" ] \
     || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    step "npm ci (wasm-opt, playwright-core, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
  # Before /usr/bin: Debian's binaryen 108 cannot read wasm-bindgen 0.2.130 output.
  export PATH="$ROOT/node_modules/.bin:$PATH"
}

# Debian's Chromium for the browser tests (Playwright drives it; it downloads nothing).
# chromedriver lets wasm-bindgen-test-runner drive the same Chromium.
ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    step "install Chromium and chromedriver (apt)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
  fi
}
