// Print raw / gzip -9 / brotli (quality 11) sizes of the files given as arguments.
// Usage: node scripts/sizes.mjs FILE...
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export function sizes(path) {
  const buf = readFileSync(path);
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const path of process.argv.slice(2)) {
    const s = sizes(path);
    console.log(`size: ${path}: raw ${kb(s.raw)} (${s.raw} B)  gzip ${kb(s.gzip)} (${s.gzip} B)  brotli ${kb(s.brotli)} (${s.brotli} B)`);
  }
}
