#!/usr/bin/env bash
# `npm start`: install what's missing, build, then serve ./site on
# http://localhost:$PORT (default 8080). Until site/index.html exists there is
# nothing to serve: it builds the native CLI and says how to run it.
#
# site/ is what is deployed: the build's minified copy of www/ (the source, which
# gets the wasm-bindgen output and the catalogs copied in), scripts/make-site.mjs.
# WWW_DIR=www serves the unminified source instead (debugging).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${PORT:-8080}"
WWW_DIR="${WWW_DIR:-site}"

# Serving the page needs no browser on this machine.
SETUP_SKIP_BROWSER="${SETUP_SKIP_BROWSER:-1}" bash scripts/setup.sh
bash scripts/build.sh

if [[ ! -f "$WWW_DIR/index.html" ]]; then
  echo
  echo "start: no $WWW_DIR/index.html yet, so there is no page to serve."
  echo "start: the native CLI is built; run it with:"
  echo "    ./target/release/$CRATE_BIN assess < file.json"
  exit 0
fi

echo
echo "start: serving $WWW_DIR/ at http://localhost:$PORT/  (Ctrl-C to stop)"
# scripts/serve.mjs sends the headers of $WWW_DIR/_headers (CSP with frame-ancestors, nosniff,
# no-referrer, no-cache) and application/wasm for .wasm; FRAME_ANCESTORS="'self' https://…"
# lists the sites that may frame the page (docs/insurers.md).
PORT="$PORT" exec node scripts/serve.mjs "$WWW_DIR"
