#!/usr/bin/env bash
# Release build: the wasm module (cargo -> wasm-bindgen -> wasm-opt -Oz) for
# every entry of BINDGEN_OUTPUTS, the page's smaller module (www/pkg/), then the native CLI. Needs scripts/setup.sh
# to have run (pinned wasm-bindgen CLI, node_modules/.bin/wasm-opt).
#
#   BUILD_SKIP_NATIVE=1   skip the native CLI
#   BUILD_SKIP_WASM_OPT=1 skip wasm-opt (debugging the raw wasm-bindgen output)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# wasm-bindgen outputs: "<--target> <out-dir>", one per line. Add a line for
# another flavour (e.g. "nodejs pkg/node" or "bundler pkg/bundler").
BINDGEN_OUTPUTS=(
  "web dist"
)

T0=$(now_ms)
phase() { echo "build: $*"; }

# --- preconditions ------------------------------------------------------------
want="$(wasm_bindgen_version)"
command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found; run: bash scripts/setup.sh"
have="$(wasm-bindgen --version | awk '{print $2}')"
[[ "$have" == "$want" ]] || die "wasm-bindgen CLI is $have but Cargo.lock has $want; run: bash scripts/setup.sh"
if [[ "${BUILD_SKIP_WASM_OPT:-0}" != 1 ]]; then
  [[ -x "$WASM_OPT" ]] || die "$WASM_OPT not found (npm package binaryen); run: bash scripts/setup.sh"
fi

# --- wasm -----------------------------------------------------------------------
t=$(now_ms)
cargo build --locked --release --target "$WASM_TARGET" --lib
RAW_WASM="target/$WASM_TARGET/release/$CRATE_LIB.wasm"
[[ -f "$RAW_WASM" ]] || die "cargo did not produce $RAW_WASM"
phase "cargo wasm32 release: $RAW_WASM ($(fmt_dur "$t"))"

for entry in "${BINDGEN_OUTPUTS[@]}"; do
  read -r bg_target out_dir <<<"$entry"
  t=$(now_ms)
  rm -rf "$out_dir"
  wasm-bindgen --target "$bg_target" --out-dir "$out_dir" "$RAW_WASM"
  bg_wasm="$out_dir/${CRATE_LIB}_bg.wasm"
  [[ -f "$bg_wasm" ]] || die "wasm-bindgen did not produce $bg_wasm"
  if [[ "${BUILD_SKIP_WASM_OPT:-0}" != 1 ]]; then
    "$WASM_OPT" -Oz "${WASM_OPT_FEATURES[@]}" "$bg_wasm" -o "$bg_wasm.opt"
    mv "$bg_wasm.opt" "$bg_wasm"
    phase "wasm-bindgen --target $bg_target + wasm-opt -Oz -> $out_dir ($(fmt_dur "$t"))"
  else
    phase "wasm-bindgen --target $bg_target -> $out_dir, wasm-opt skipped ($(fmt_dur "$t"))"
  fi
  node scripts/sizes.mjs "$bg_wasm" "$out_dir/$CRATE_LIB.js"
done

# --- the npm package's entries (package.json "exports") ---------------------------
# dist/ = wasm-bindgen's web output + js/*: browser.js (top-level await, fetches the .wasm
# next to it), node.js (reads the file, sync init), inline.js (bytes embedded), slim.js (the
# caller initialises), index.d.ts (+ index.d.cts for require), and *.cjs built from them.
t=$(now_ms)
node scripts/patch-glue.mjs dist/hoken_check.js
cp js/api.js js/browser.js js/node.js js/index.d.ts dist/
cp js/init.js js/errors.js js/slim.js dist/
cp js/index.d.ts dist/index.d.cts  # the same declarations, read as CommonJS by `require` consumers
rm -f dist/hoken_check.d.ts dist/hoken_check_bg.wasm.d.ts  # typed with any; js/index.d.ts is the API
node scripts/make-inline.mjs dist/hoken_check_bg.wasm js/inline.template.js dist/inline.js
node scripts/make-cjs.mjs dist
rm -f dist/.gitignore dist/package.json
phase "package entries -> dist/ ($(fmt_dur "$t"))"

# --- the page's everyday module (www/pkg/): no pack reader, size profile --------------------
# The same crate without the default feature `pack-json` (the insurer pack reader) and with the
# `page` profile (opt-level "z"): ~53 KB brotli instead of dist/'s ~72 KB. The page and the
# <hoken-check> element load it unless a pack is used; then they load dist/'s full module,
# copied to www/pkg-pack/ below (www/hoken-check-ui.js; docs/perf.md). Not in dist/ (npm).
if [[ -d www ]]; then
  t=$(now_ms)
  cargo build --locked --profile page --target "$WASM_TARGET" --lib --no-default-features
  PAGE_PKG=target/page-pkg
  rm -rf "$PAGE_PKG"
  wasm-bindgen --target web --out-dir "$PAGE_PKG" "target/$WASM_TARGET/page/$CRATE_LIB.wasm"
  if [[ "${BUILD_SKIP_WASM_OPT:-0}" != 1 ]]; then
    # --converge: -Oz until nothing shrinks (-0.14 KB brotli, ~4 s; docs/perf.md).
    "$WASM_OPT" -Oz --converge "${WASM_OPT_FEATURES[@]}" "$PAGE_PKG/${CRATE_LIB}_bg.wasm" -o "$PAGE_PKG/${CRATE_LIB}_bg.wasm.opt"
    mv "$PAGE_PKG/${CRATE_LIB}_bg.wasm.opt" "$PAGE_PKG/${CRATE_LIB}_bg.wasm"
  fi
  node scripts/patch-glue.mjs "$PAGE_PKG/$CRATE_LIB.js"
  phase "page module (--profile page --no-default-features) -> $PAGE_PKG ($(fmt_dur "$t"))"
  node scripts/sizes.mjs "$PAGE_PKG/${CRATE_LIB}_bg.wasm" "$PAGE_PKG/$CRATE_LIB.js"
fi

# --- the batch page's module (www/pkg-batch/, issue 10) ------------------------------
# The same crate with --features batch-wasm: the CLI's CSV path (src/batch/job.rs) for
# www/batch.html's workers. Its own target dir keeps both builds cached; not in dist/ (npm).
if [[ -f www/batch.html ]]; then
  t=$(now_ms)
  cargo build --locked --release --target "$WASM_TARGET" --lib --features batch-wasm --target-dir target/batch-wasm
  rm -rf www/pkg-batch
  wasm-bindgen --target web --out-dir www/pkg-batch "target/batch-wasm/$WASM_TARGET/release/$CRATE_LIB.wasm"
  rm -f www/pkg-batch/*.d.ts www/pkg-batch/.gitignore www/pkg-batch/package.json
  if [[ "${BUILD_SKIP_WASM_OPT:-0}" != 1 ]]; then
    "$WASM_OPT" -O3 "${WASM_OPT_FEATURES[@]}" "www/pkg-batch/${CRATE_LIB}_bg.wasm" -o "www/pkg-batch/${CRATE_LIB}_bg.wasm.opt"
    mv "www/pkg-batch/${CRATE_LIB}_bg.wasm.opt" "www/pkg-batch/${CRATE_LIB}_bg.wasm"
  fi
  phase "batch page module (--features batch-wasm) -> www/pkg-batch ($(fmt_dur "$t"))"
  node scripts/sizes.mjs "www/pkg-batch/${CRATE_LIB}_bg.wasm" "www/pkg-batch/$CRATE_LIB.js"
fi

# --- the page ---------------------------------------------------------------------
# www/ is served as the document root: it gets the package and the catalogs next to it.
if [[ -d www ]]; then
  rm -rf www/pkg www/pkg-pack www/locales
  mkdir -p www/pkg www/pkg-pack www/locales
  # pkg/: the small module above with the package's API; pkg-pack/: dist/'s full module (packs).
  cp "$PAGE_PKG/hoken_check.js" "$PAGE_PKG/hoken_check_bg.wasm" dist/api.js dist/errors.js www/pkg/
  cp dist/hoken_check.js dist/hoken_check_bg.wasm dist/api.js dist/errors.js www/pkg-pack/
  cp dist/init.js dist/slim.js www/pkg/  # for pkg/inline.js (single-file edition)
  node scripts/make-inline.mjs www/pkg/hoken_check_bg.wasm js/inline.template.js www/pkg/inline.js
  node scripts/make-page-entry.mjs dist/browser.js www/pkg/browser.js  # same module list as before
  node scripts/make-page-entry.mjs dist/browser.js www/pkg-pack/browser.js
  cp locales/*.json www/locales/
  # The example insurer packs, same-origin for the configurator's preview (docs/insurers.md).
  rm -rf www/packs && mkdir -p www/packs && cp packs/*.json www/packs/
  phase "page assets -> www/pkg, www/pkg-pack, www/locales, www/packs"
  # Service worker: cache list, cache names and rules version from what www/ now holds.
  node scripts/sw-manifest.mjs www
fi

# --- the deployable page (site/) ------------------------------------------------------
# www/ minified file by file (scripts/make-site.mjs), with its own service-worker manifest so
# build.json's hashes are those of the deployed bytes. npm start and the browser tests serve it.
if [[ -d www ]]; then
  t=$(now_ms)
  node scripts/make-site.mjs www site
  node scripts/sw-manifest.mjs site
  phase "deployable page -> site/ ($(fmt_dur "$t"))"
fi

# --- native CLI --------------------------------------------------------------------
if [[ "${BUILD_SKIP_NATIVE:-0}" != 1 ]]; then
  t=$(now_ms)
  cargo build --locked --release --bin "$CRATE_BIN"
  phase "native CLI: target/release/$CRATE_BIN ($(fmt_dur "$t"))"
fi

phase "done ($(fmt_dur "$T0"))"
if [[ -d www ]]; then node scripts/make-single-file.mjs; fi  # single-file offline edition -> dist-page/hoken-check.html
