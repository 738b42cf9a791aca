// HokenCheckError: the one error type of the package. The WebAssembly module throws real `Error`
// objects named "HokenCheckError" with `code`, `field`, `messageJa` and `messageEn` (src/wasm.rs);
// this class lets JavaScript recognise them (`err instanceof HokenCheckError`, or the
// `isHokenCheckError(err)` guard) and is what the initialisation functions throw.

/**
 * Whether `value` is an error thrown by hoken-check (bad input, or a module that could not be
 * initialised). Works across package copies (ESM and CommonJS builds, several bundles).
 * @param {unknown} value
 * @returns {boolean}
 */
export function isHokenCheckError(value) {
  return (
    value instanceof Error &&
    value.name === "HokenCheckError" &&
    typeof (/** @type {{ code?: unknown }} */ (value).code) === "string"
  );
}

/** An error with a stable `code`; see index.d.ts. */
export class HokenCheckError extends Error {
  /**
   * @param {string} code
   * @param {{ field?: string | null, messageJa: string, messageEn: string, cause?: unknown }} details
   */
  constructor(code, { field = null, messageJa, messageEn, cause } = {}) {
    super(messageEn, cause === undefined ? undefined : { cause });
    this.name = "HokenCheckError";
    this.code = code;
    this.field = field;
    this.messageJa = messageJa;
    this.messageEn = messageEn;
  }

  /** `err instanceof HokenCheckError` is true for every error the package throws, including the
   * ones the WebAssembly module creates (plain `Error`s with the same shape). */
  static [Symbol.hasInstance](value) {
    return isHokenCheckError(value);
  }
}
