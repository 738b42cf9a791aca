// The explicit initialisation shared by every entry: init({ wasm }) / initSync({ wasm }).
// The zero-config entries (browser.js, node.js, inline.js) call one of these at import; the
// slim entry leaves it to the caller, who says where the .wasm comes from.
import initWasm, { initSync as initWasmSync } from "./hoken_check.js";
import { HokenCheckError } from "./errors.js";

let pending = null;
let ready = false;

/** A CompileError/LinkError caused by a Content-Security-Policy without 'wasm-unsafe-eval'. */
function isCspBlock(err) {
  const text = String((err && err.message) || err);
  return /Content[ -]Security[ -]Policy|unsafe-eval|wasm-eval/i.test(text);
}

function initError(err) {
  if (err instanceof HokenCheckError) return err;
  if (isCspBlock(err)) {
    return new HokenCheckError("wasmBlockedByCsp", {
      messageJa:
        "このページのコンテンツ セキュリティ ポリシー (CSP) が WebAssembly を禁止しています。script-src に 'wasm-unsafe-eval' を加えてください。",
      messageEn:
        "This page's Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src (or use a policy that allows it).",
      cause: err,
    });
  }
  return new HokenCheckError("wasmInitFailed", {
    messageJa: "WebAssembly モジュールを読み込めませんでした。",
    messageEn: `Could not load the WebAssembly module: ${String((err && err.message) || err)}`,
    cause: err,
  });
}

function checkOptions(options, fn) {
  if (!options || typeof options !== "object" || options.wasm === undefined || options.wasm === null) {
    throw new HokenCheckError("wasmInitFailed", {
      messageJa: `${fn}() には { wasm } が必要です (URL、バイト列、または WebAssembly.Module)。`,
      messageEn: `${fn}() needs { wasm }: a URL, the .wasm bytes or a WebAssembly.Module.`,
    });
  }
  return options.wasm;
}

/**
 * Initialises the WebAssembly module from `wasm`: a URL (string or `URL`, fetched), a `Response`
 * or a promise of one, the bytes (`ArrayBuffer`, typed array, Node `Buffer`) or a compiled
 * `WebAssembly.Module`. Resolves once every function can be called. Calling it again (or after a
 * zero-config entry initialised at import) does nothing and resolves at once.
 */
export function init(options) {
  if (ready) return Promise.resolve();
  if (pending) return pending;
  let wasm;
  try {
    wasm = checkOptions(options, "init");
  } catch (err) {
    return Promise.reject(err);
  }
  pending = Promise.resolve(wasm)
    .then((source) => initWasm({ module_or_path: source }))
    .then(
      () => {
        ready = true;
      },
      (err) => {
        pending = null;
        throw initError(err);
      },
    );
  return pending;
}

/**
 * Initialises the WebAssembly module synchronously from its bytes (`ArrayBuffer`, typed array,
 * Node `Buffer`) or a compiled `WebAssembly.Module`. Does nothing when already initialised.
 */
export function initSync(options) {
  if (ready) return;
  const wasm = checkOptions(options, "initSync");
  try {
    initWasmSync({ module: wasm });
  } catch (err) {
    throw initError(err);
  }
  ready = true;
}
