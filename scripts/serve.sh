#!/usr/bin/env bash
# Builds the calculator page (release) and serves it on http://127.0.0.1:8080
# (PORT=… to change). Installs what it needs on first run; see build-web.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}
./scripts/build-web.sh
# The single-file offline page the footer offers for download.
./scripts/build-offline.sh
echo
echo "The calculator: http://127.0.0.1:$PORT/   (Ctrl+C stops the server)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
